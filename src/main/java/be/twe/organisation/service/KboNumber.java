package be.twe.organisation.service;

/** The Belgian enterprise number (KBO/BCE): 10 digits, first 0 or 1, last two = 97 - (first eight mod 97). */
public final class KboNumber {
    private KboNumber() {
    }

    public static boolean isValid(String number) {
        if (number == null || !number.matches("[01][0-9]{9}")) {
            return false;
        }
        long base = Long.parseLong(number.substring(0, 8));
        return 97 - base % 97 == Long.parseLong(number.substring(8));
    }
}
