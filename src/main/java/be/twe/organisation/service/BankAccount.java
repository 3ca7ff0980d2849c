package be.twe.organisation.service;

import org.iban4j.Iban4jException;
import org.iban4j.IbanUtil;

import be.twe.common.error.Text;

/**
 * IBAN validation: the ISO 13616 structure and check digits by iban4j, plus the Belgian national
 * check that iban4j does not do (first 10 digits of the BBAN mod 97, 0 read as 97, equal the last 2).
 */
public final class BankAccount {
    private BankAccount() {
    }

    /** Null when valid, otherwise why not. */
    public static Text problemWith(String iban) {
        try {
            IbanUtil.validate(iban);
        } catch (Iban4jException e) {
            return Text.of("iban-invalid");
        }
        if (iban.startsWith("BE")) {
            String bban = iban.substring(4);
            long remainder = Long.parseLong(bban.substring(0, 10)) % 97;
            long check = remainder == 0 ? 97 : remainder;
            if (check != Long.parseLong(bban.substring(10))) {
                return Text.of("iban-invalid.belgian");
            }
        }
        return null;
    }
}
