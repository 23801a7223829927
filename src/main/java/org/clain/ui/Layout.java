package org.clain.ui;

/** Viewport grids: rows x columns. */
public enum Layout {
    L1X1(1, 1), L1X2(1, 2), L2X1(2, 1), L2X2(2, 2);

    private final int rows;
    private final int columns;

    Layout(int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public int count() {
        return rows * columns;
    }

    /** "1x2": one row, two columns. */
    public String label() {
        return rows + "x" + columns;
    }

    public static Layout parse(String s) {
        for (Layout l : values()) {
            if (l.label().equals(s)) {
                return l;
            }
        }
        return L1X1;
    }
}
