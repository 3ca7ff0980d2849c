package be.twe.trajectory.service;

/**
 * The Belgian national register (or BIS) number: YYMMDDSSSCC where CC = 97 - (first nine digits
 * mod 97), with "2" put before the nine digits for births from 2000. BIS numbers add 20 or 40
 * to the month.
 */
public final class Insz {
    private Insz() {
    }

    public static boolean isValid(String insz) {
        if (insz == null || !insz.matches("[0-9]{11}")) {
            return false;
        }
        int month = Integer.parseInt(insz.substring(2, 4)) % 20;
        int day = Integer.parseInt(insz.substring(4, 6));
        if (month > 12 || day > 31 || Integer.parseInt(insz.substring(2, 4)) >= 60) {
            return false;
        }
        long base = Long.parseLong(insz.substring(0, 9));
        long check = Long.parseLong(insz.substring(9));
        return 97 - base % 97 == check || 97 - (2_000_000_000L + base) % 97 == check;
    }
}
