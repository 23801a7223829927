package org.clain.dicom;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Clain's UIDs (PS3.5 9 and B.2). Clain has no registered org root, so its root is a UUID-derived
 * OID, {@code 2.25.<UUID as unsigned decimal>}; whoever generates a UUID owns the arcs below it
 * (ISO/IEC 9834-8), so {@link #ROOT} is Clain's own. New instance UIDs are fresh 2.25 UUID OIDs.
 */
public final class UIDs {
    /** 2.25 + the fixed UUID edc2691e-fd6b-4275-b0bd-513f74feb8b5 as a decimal integer. */
    public static final String ROOT = "2.25.316036472699863453686153250225939986613";
    /** (0002,0012): identifies this writer; change the last arc when the writer changes what it writes. */
    public static final String IMPLEMENTATION_CLASS_UID = ROOT + ".1.1";
    /** (0002,0013), at most 16 characters. */
    public static final String IMPLEMENTATION_VERSION_NAME = "CLAIN_010";

    private static final SecureRandom RANDOM = new SecureRandom();

    private UIDs() {
    }

    /** A new unique UID: {@code 2.25.} + a random (version 4) UUID as a decimal integer. */
    public static String create() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0F) | 0x40); // version 4
        b[8] = (byte) ((b[8] & 0x3F) | 0x80); // IETF variant
        return "2.25." + new BigInteger(1, b);
    }

    /**
     * A UID that is a pure function of {@code name}: {@code 2.25.} + the name-based (version 3)
     * UUID of the name, for reproducible output (the same phantom twice gives the same UIDs).
     */
    public static String fromName(String name) {
        UUID u = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, b.array());
    }

    /** PS3.5 9.1: at most 64 characters, digits and dots, no empty component, no leading zero. */
    public static boolean isValid(String uid) {
        if (uid == null || uid.isEmpty() || uid.length() > 64) {
            return false;
        }
        for (String c : uid.split("\\.", -1)) {
            if (c.isEmpty() || (c.length() > 1 && c.charAt(0) == '0')) {
                return false;
            }
            for (int i = 0; i < c.length(); i++) {
                if (c.charAt(i) < '0' || c.charAt(i) > '9') {
                    return false;
                }
            }
        }
        return true;
    }
}
