// The ground truth for number rendering (vectors README rule 8): what a real JDK prints for a JSON number's
// text, the way the gateway (fastjson 1.2.83) reads and writes it.
//
//   java tests/java/BigDecimalText.java > tests/java/bigdecimal_texts.json   (part of `make java-fixtures`)
//
// A number with `.` or an exponent becomes `new BigDecimal(text)` and prints with `BigDecimal.toString()`;
// an integer prints as `new BigInteger(text).toString()` (fastjson picks Integer, Long or BigInteger by size:
// all three print the same digits, and `-0` is `0`). The gateway writes a body out and parses it again
// before signing (vectors README, rule 6 and "Further observations"), so the printed text must itself parse:
// `rendered` is null when either parse throws (an exponent, a scale or a printed exponent past 32 bits).
// `read` says whether the first parse alone succeeds: a number replaced by a later duplicate key is parsed
// but never written out, so only the first parse can refuse it.
//
// The cases are hand-picked edges followed by random texts from a fixed seed, weighted towards what moves
// the printed form: zeros, long fractions, exponents around the plain/scientific boundary and near 2^31.

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

public class BigDecimalText {
    static final String[] EDGES = {
        "0", "-0", "1", "-1", "0.0", "-0.0", "100.50", "0.10", "1.0", "10e-1", "123e-2", "1E+0", "1e0", "1e5",
        "1.5E3", "0e5", "0E-5", "0.000001", "0.0000001", "-0.0000001", "0.0000000", "0.00000010", "1E-6", "1E-7",
        "1E-10", "12345678901234567890123456789012345678901234567890",
        "-12345678901234567890.12345678901234567890", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "2147483647", "2147483648", "1e2147483647", "1e-2147483648", "1e2147483648",
        "1e-2147483649", "12e2147483646", "12e2147483647", "0.1e-2147483647", "0.1e-2147483648",
        "1.0e-2147483647", "0e2147483647", "0e-2147483648", "1e00000000000000000005", "1E+0000", "5e-0",
        "0.00001234e2", "1234.5e-10", "1234.5e-9", "1234.5e-8", "1234.5e-7",
    };

    static String random(Random r) {
        StringBuilder s = new StringBuilder();
        if (r.nextInt(3) == 0) s.append('-');
        int digits = r.nextInt(6);
        if (digits == 0 || r.nextInt(4) == 0) {
            s.append('0');
        } else {
            s.append((char) ('1' + r.nextInt(9)));
            for (int k = 1; k < digits * (r.nextInt(3) + 1); k++) s.append(r.nextInt(3) == 0 ? '0' : (char) ('0' + r.nextInt(10)));
        }
        boolean fraction = r.nextInt(3) != 0, exponent = r.nextInt(2) == 0;
        if (fraction) {
            s.append('.');
            int n = 1 + r.nextInt(r.nextInt(4) == 0 ? 25 : 8);
            for (int k = 0; k < n; k++) s.append(r.nextInt(2) == 0 ? '0' : (char) ('0' + r.nextInt(10)));
        }
        if (exponent) {
            s.append(r.nextBoolean() ? 'e' : 'E');
            int sign = r.nextInt(4);
            if (sign == 1) s.append('+');
            if (sign == 2) s.append('-');
            int e;
            switch (r.nextInt(5)) {
                case 0: e = r.nextInt(10); break;
                case 1: e = r.nextInt(30); break;
                case 2: e = r.nextInt(1000); break;
                case 3: e = Integer.MAX_VALUE - r.nextInt(40); break;
                default: e = r.nextInt(3) == 0 ? 0 : r.nextInt(8);
            }
            if (r.nextInt(8) == 0) s.append("00");
            s.append(e);
        }
        return s.toString();
    }

    static String render(String text) {
        if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
            return new BigInteger(text).toString();
        }
        try {
            String printed = new BigDecimal(text).toString();
            new BigDecimal(printed);
            return printed;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean read(String text) {
        if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) return true;
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public static void main(String[] args) {
        List<String> texts = new ArrayList<>(List.of(EDGES));
        Random r = new Random(20261124L);
        while (texts.size() < 3000) texts.add(random(r));
        StringBuilder out = new StringBuilder();
        for (String text : texts) {
            String rendered = render(text);
            out.append(out.length() == 0 ? "\n" : ",\n")
                .append("[\"").append(text).append("\",").append(rendered == null ? "null" : "\"" + rendered + "\"")
                .append(',').append(read(text)).append(']');
        }
        String version = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        System.out.print("{\"provenance\":\"generated by tests/java/BigDecimalText.java on " + version + " (java "
            + System.getProperty("java.version") + "); regenerate with `make java-fixtures`\",\"cases\":[" + out + "\n]}\n");
    }
}
