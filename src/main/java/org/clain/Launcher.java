package org.clain;

/** Entry point placeholder; replaced by the CLI/viewer launcher. */
public final class Launcher {
    public static void main(String[] args) {
        System.out.println("clain");
    }
}
