// A second, independent model of the gateway's signing, for differential testing: the steps of the vendor
// demo's `SignUtil.createSign` and `PayinWebhookVerifyExample` (empty strings to null, write the map out,
// parse it into a TreeMap, recurse into nested objects through another write and parse, arrays written
// as JSON), run on the real JDK `HashMap`, `TreeMap`, `BigDecimal`, `BigInteger` and `String.isBlank`.
// Only fastjson's own part is modelled by hand: number types (int/long/BigInteger for integers,
// BigDecimal for anything with `.` or an exponent), null members skipped when writing, and its string
// escaping. It shares no code and no structure with src/canonical.rs, which replays the same rounds
// arithmetically.
//
//   java tests/java/SignUtilModel.java > tests/java/signutil_model.json   (part of `make java-fixtures`)
//   java -Dseed=7 -Dcount=20000 -Dmaxlen=20000 tests/java/SignUtilModel.java > more.json   (`make java-diff`)
//
// prints random bodies from a seed (fixed unless given), built to reach the quirks (number text in every form, keys
// sharing a String.hashCode, wide objects inside arrays with nulls, nested arrays and objects, escapes,
// duplicated keys, pay-in api_version variants), each with the canonical string of the full body and
// of the pay-in webhook payload (null when nothing is signed). tests/java_signutil.rs checks them.

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

public class SignUtilModel {
    // ---- fastjson's part: a strict parser into HashMap / ArrayList / Integer, Long, BigInteger, BigDecimal

    static final class Parser {
        final String s;
        int i;

        Parser(String s) { this.s = s; }

        void ws() {
            while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) i++;
        }

        Object value() {
            ws();
            char c = s.charAt(i);
            if (c == '{') return object();
            if (c == '[') return array();
            if (c == '"') return string();
            if (s.startsWith("true", i)) { i += 4; return Boolean.TRUE; }
            if (s.startsWith("false", i)) { i += 5; return Boolean.FALSE; }
            if (s.startsWith("null", i)) { i += 4; return null; }
            return number();
        }

        HashMap<String, Object> object() {
            i++;
            HashMap<String, Object> map = new HashMap<>();
            ws();
            if (s.charAt(i) == '}') { i++; return map; }
            for (;;) {
                ws();
                String key = string();
                ws();
                i++; // ':'
                map.put(key, value());
                ws();
                if (s.charAt(i++) == '}') return map;
            }
        }

        ArrayList<Object> array() {
            i++;
            ArrayList<Object> list = new ArrayList<>();
            ws();
            if (s.charAt(i) == ']') { i++; return list; }
            for (;;) {
                list.add(value());
                ws();
                if (s.charAt(i++) == ']') return list;
            }
        }

        String string() {
            i++;
            StringBuilder b = new StringBuilder();
            for (;;) {
                char c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c != '\\') { b.append(c); continue; }
                char e = s.charAt(i++);
                switch (e) {
                    case 'b': b.append('\b'); break;
                    case 'f': b.append('\f'); break;
                    case 'n': b.append('\n'); break;
                    case 'r': b.append('\r'); break;
                    case 't': b.append('\t'); break;
                    case 'u': b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
                    default: b.append(e);
                }
            }
        }

        Object number() {
            int start = i;
            boolean decimal = false;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                decimal |= ".eE".indexOf(s.charAt(i)) >= 0;
                i++;
            }
            String text = s.substring(start, i);
            if (decimal) return new BigDecimal(text);
            BigInteger n = new BigInteger(text);
            if (n.bitLength() < 32) return n.intValue();
            if (n.bitLength() < 64) return n.longValue();
            return n;
        }
    }

    static HashMap<String, Object> parseObject(String text) {
        Parser p = new Parser(text);
        return p.object();
    }

    // ---- fastjson's writer: null members skipped, its escaping, numbers by toString

    static void writeString(StringBuilder b, String t) {
        b.append('"');
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '"': b.append("\\\""); continue;
                case '\\': b.append("\\\\"); continue;
                case '\b': b.append("\\b"); continue;
                case '\f': b.append("\\f"); continue;
                case '\n': b.append("\\n"); continue;
                case '\r': b.append("\\r"); continue;
                case '\t': b.append("\\t"); continue;
                default:
            }
            if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == '\u2028' || c == '\u2029') {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }

    static void write(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String) {
            writeString(b, (String) v);
        } else if (v instanceof Map) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (e.getValue() == null) continue;
                if (!first) b.append(',');
                first = false;
                writeString(b, (String) e.getKey());
                b.append(':');
                write(b, e.getValue());
            }
            b.append('}');
        } else if (v instanceof List) {
            b.append('[');
            boolean first = true;
            for (Object o : (List<?>) v) {
                if (!first) b.append(',');
                first = false;
                write(b, o);
            }
            b.append(']');
        } else {
            b.append(v); // Integer, Long, BigInteger, BigDecimal (toString), Boolean
        }
    }

    static String toJSONString(Object v) {
        StringBuilder b = new StringBuilder();
        write(b, v);
        return b.toString();
    }

    // ---- the demo's SignUtil and pay-in payload rule

    @SuppressWarnings("unchecked")
    static void emptyToNull(Map<String, Object> m) {
        m.replaceAll((k, v) -> {
            if ("".equals(v)) return null;
            if (v instanceof Map) emptyToNull((Map<String, Object>) v);
            return v;
        });
    }

    static String pairs(SortedMap<String, Object> m) {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            Object value = e.getValue();
            if (value == null) continue;
            if (q.length() > 0) q.append('&');
            q.append(e.getKey()).append('=');
            if (value instanceof Map) {
                q.append('{').append(pairs(new TreeMap<>(parseObject(toJSONString(value))))).append('}');
            } else if (value instanceof List) {
                q.append(toJSONString(value));
            } else {
                q.append(value);
            }
        }
        return q.toString();
    }

    /** The canonical string, or null when the map is empty (the gateway then hashes `key=<secret>`). */
    static String createSign(HashMap<String, Object> params) {
        if (params.isEmpty()) return null;
        emptyToNull(params);
        return pairs(new TreeMap<>(parseObject(toJSONString(params))));
    }

    static String payin(String body) {
        HashMap<String, Object> payload = parseObject(toJSONString(parseObject(body)));
        Object version = payload.get("api_version");
        String text = version == null ? null : version instanceof String ? (String) version : toJSONString(version);
        if (text == null || text.isBlank() || "v1".equalsIgnoreCase(text)) {
            for (String k : new String[] {"api_version", "order_status_int", "channel_biz_data", "event", "event_data"}) payload.remove(k);
        }
        return createSign(payload);
    }

    // ---- random bodies

    static final Random R = new Random(Long.getLong("seed", 20261124L));
    static final String[] SPECIALS = {"&", "=", "?", "%", "+", "/", "\\", "\"", "\n", "\r", "\t", "\b", "\f", "\u0000", "\u0001",
        "\u000b", "\u001f", "\u007f", "\u0080", "\u0085", "\u009f", "\u00a0", "\u2028", "\u2029", "é", "中", "😀", "\uffff", "\ue000",
        "\uff5a", " ", "\u3000"};
    static final String[] KEYS = {"a", "b", "A", "B", "_", "Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa", "page", "page_size", "0", "9",
        "z", "", "é", "中", "😀", "\uff5a", "\ue000", "\uffff", "amount", "details", "x y", "&", "=", "\t", "\u2028", "C#", "Ba", "CB"};
    static final String[] INTS = {"0", "0", "1", "7", "10", "100", "123456789", "2147483647", "2147483648", "9223372036854775807",
        "9223372036854775808", "12345678901234567890123"};
    static final String[] FRACTIONS = {"0", "00", "5", "50", "05", "000001", "0000001", "00000010", "123", "1000000000"};
    static final String[] EXPONENTS = {"0", "1", "2", "5", "6", "7", "10", "00", "08", "400"};

    static <T> T pick(T[] a) { return a[R.nextInt(a.length)]; }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') b.append('\\').append(c);
            // Escapes at random, but never half of a surrogate pair (JSON would then hold a lone one).
            else if (c < 0x20 || (!Character.isSurrogate(c) && R.nextInt(20) == 0)) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    static String key() {
        int r = R.nextInt(10);
        if (r < 5) return pick(KEYS);
        if (r < 8) return "k" + R.nextInt(60);
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = 1 + R.nextInt(4); i < n; i++) s.append(R.nextBoolean() ? pick(SPECIALS) : String.valueOf((char) ('a' + R.nextInt(26))));
        return s.toString();
    }

    static String text() {
        if (R.nextInt(5) == 0) return "";
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = R.nextInt(6); i < n; i++) s.append(R.nextInt(5) < 2 ? pick(SPECIALS) : String.valueOf((char) ('A' + R.nextInt(58))));
        return s.toString();
    }

    static String number() {
        String s = (R.nextInt(10) < 3 ? "-" : "") + pick(INTS);
        if (R.nextBoolean()) s += "." + pick(FRACTIONS);
        if (R.nextBoolean()) s += (R.nextBoolean() ? "e" : "E") + new String[] {"", "+", "-"}[R.nextInt(3)] + pick(EXPONENTS);
        return s;
    }

    static String value(int depth) {
        int r = R.nextInt(100);
        if (depth > 4) return new String[] {"null", "\"\"", "1", "true", quote(text())}[R.nextInt(5)];
        if (r < 12) return "null";
        if (r < 20) return "\"\"";
        if (r < 27) return R.nextBoolean() ? "true" : "false";
        if (r < 45) return number();
        if (r < 62) return quote(text());
        if (r < 80) return object(depth + 1, R.nextInt(6));
        return array(depth + 1);
    }

    static String object(int depth, int n) {
        List<String> parts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String k = !keys.isEmpty() && R.nextInt(8) == 0 ? keys.get(R.nextInt(keys.size())) : key(); // a duplicate
            keys.add(k);
            parts.add(quote(k) + (R.nextInt(4) == 0 ? " : " : ":") + value(depth));
        }
        return "{" + String.join(R.nextInt(4) == 0 ? ", " : ",", parts) + "}";
    }

    /** An object for an array: many keys, blocks of "Aa"/"BB" (one String.hashCode), keys of one bucket, nulls. */
    static String wideObject(int depth) {
        int n = new int[] {9, 12, 13, 14, 16, 20, 24, 25, 26, 30, 37, 40, 49, 64, 70}[R.nextInt(15)];
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int r = R.nextInt(10);
            String k;
            if (r < 3) {
                StringBuilder b = new StringBuilder();
                for (int j = 0, blocks = 1 + R.nextInt(5); j < blocks; j++) b.append(R.nextBoolean() ? "Aa" : "BB");
                k = b.toString();
            } else if (r < 5) {
                k = "f" + R.nextInt(8) * 16;
            } else {
                k = "k" + R.nextInt(200);
            }
            parts.add(quote(k) + ":" + (R.nextInt(20) < 7 ? "null" : R.nextInt(3) == 0 ? value(depth + 3) : "1"));
        }
        return "{" + String.join(",", parts) + "}";
    }

    static String array(int depth) {
        List<String> parts = new ArrayList<>();
        for (int i = 0, n = R.nextInt(5); i < n; i++) {
            int r = R.nextInt(20);
            parts.add(r < 6 ? wideObject(depth) : r < 9 ? array(depth + 1) : value(depth));
        }
        return "[" + String.join(",", parts) + "]";
    }

    static final String[] VERSIONS = {"\"v1\"", "\"V1\"", "\"v2\"", "null", "\"\"", "\" \"", "\"\\u3000\"", "\"\\u00a0\"",
        "\"\\u0076\\u0031\"", "1", "\" v1\"", "\"v1 \"", "\"\\u001c\"", "\"\\u2007\"", "\"\\u0085\"", "true", "{}", "[]"};

    static String body() {
        String b = object(0, R.nextInt(8));
        if (R.nextInt(10) < 3) { // a pay-in webhook's version-dependent fields
            List<String> extra = new ArrayList<>();
            if (R.nextInt(10) < 6) extra.add("\"api_version\":" + pick(VERSIONS));
            if (R.nextInt(10) < 6) extra.add("\"order_status_int\":" + new String[] {"2", "null", "\"\""}[R.nextInt(3)]);
            if (R.nextInt(10) < 6) extra.add("\"event\":" + new String[] {"null", "\"payment_declined\"", "\"\""}[R.nextInt(3)]);
            if (R.nextInt(10) < 6) extra.add("\"channel_biz_data\":" + new String[] {"null", "{}", "{\"a\":1}"}[R.nextInt(3)]);
            if (R.nextInt(10) < 6) extra.add("\"event_data\":" + new String[] {"null", "{\"x\":[{\"b\":null,\"a\":1}]}"}[R.nextInt(2)]);
            String inner = b.substring(1, b.length() - 1);
            if (!inner.isEmpty()) extra.add(0, inner);
            b = "{" + String.join(",", extra) + "}";
        }
        return b;
    }

    /** A JSON string literal for the fixture: only what JSON requires escaped (and lone surrogates never occur). */
    static String json(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    public static void main(String[] args) {
        StringBuilder out = new StringBuilder();
        // The committed fixture: 800 bodies of at most 1,800 characters, small enough to commit.
        int count = Integer.getInteger("count", 800), maxlen = Integer.getInteger("maxlen", 1800);
        for (int kept = 0; kept < count; ) {
            String body = body();
            if (body.length() > maxlen) continue;
            out.append(kept++ == 0 ? "\n" : ",\n").append('[').append(json(body)).append(',')
                .append(json(createSign(parseObject(body)))).append(',').append(json(payin(body))).append(']');
        }
        String version = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        System.out.print("{\"provenance\":\"generated by tests/java/SignUtilModel.java on " + version + " (java "
            + System.getProperty("java.version") + "); regenerate with `make java-fixtures`\",\"cases\":[" + out + "\n]}\n");
    }
}
