package org.clain.testdata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only extraction of encapsulated Pixel Data fragments from a little-endian
 * Part 10 file, independent of Clain's reader: it looks for the last
 * (7FE0,0010) OB with undefined length and walks its items (PS3.5 A.4).
 */
public final class Fragments {
    private Fragments() {
    }

    /** Items after the Basic Offset Table, in file order. */
    public static List<byte[]> of(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int start = -1;
        for (int i = b.length - 12; i >= 0; i--) {
            if ((b[i] & 0xFF) == 0xE0 && (b[i + 1] & 0xFF) == 0x7F && b[i + 2] == 0x10 && b[i + 3] == 0x00) {
                // explicit VR: 'OB' 00 00 FFFFFFFF ; implicit: FFFFFFFF
                if (b[i + 4] == 'O' && bb.getInt(i + 8) == -1) {
                    start = i + 12;
                    break;
                }
                if (bb.getInt(i + 4) == -1) {
                    start = i + 8;
                    break;
                }
            }
        }
        if (start < 0) {
            throw new IOException("no encapsulated pixel data in " + file);
        }
        List<byte[]> items = new ArrayList<>();
        int p = start;
        boolean first = true;
        while (p + 8 <= b.length) {
            int group = bb.getShort(p) & 0xFFFF;
            int elem = bb.getShort(p + 2) & 0xFFFF;
            int len = bb.getInt(p + 4);
            p += 8;
            if (group == 0xFFFE && elem == 0xE0DD) {
                break;
            }
            if (group != 0xFFFE || elem != 0xE000 || len < 0 || p + len > b.length) {
                throw new IOException("bad item at " + (p - 8) + " in " + file);
            }
            if (!first) {
                byte[] item = new byte[len];
                System.arraycopy(b, p, item, 0, len);
                items.add(item);
            }
            first = false;
            p += len;
        }
        return items;
    }

    /** All fragments concatenated: the codestream of a single-frame file. */
    public static byte[] singleFrame(Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] f : of(file)) {
            out.write(f);
        }
        return out.toByteArray();
    }
}
