package vn.hoso.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Other spellings of a path, as a client may send them: percent-encoded letters, encoded and plain dot segments,
 * encoded slashes and backslashes, double encoding, overlong UTF-8, invalid escapes, path parameters, doubled
 * slashes, trailing dots, NUL and other control characters, Unicode (encoded and raw), case. Some mean the same
 * path to the container, some another path, some are no valid path at all; every one must get a sane answer.
 */
final class PathSpellings {

    private PathSpellings() {
    }

    /** Label → request target (without query); the first entry is the plain path itself. */
    static Map<String, String> of(String path) {
        Map<String, String> s = new LinkedHashMap<>();
        List<Integer> starts = segmentStarts(path);
        String first = path.substring(1, starts.size() > 1 ? starts.get(1) - 1 : path.length());
        String afterFirst = path.substring(1 + first.length());
        s.put("plain", path);

        // percent-encoded letters (unreserved characters: the same path after decoding)
        for (int i = 0; i < starts.size(); i++) {
            int at = starts.get(i);
            if (at < path.length() && Character.isLetter(path.charAt(at))) {
                s.put("encoded first letter of segment " + (i + 1), encodeAt(path, at, false));
            }
        }
        s.put("encoded last letter", encodeAt(path, lastLetter(path), true));
        s.put("every letter encoded, lower-case hex", encodeLetters(path, false));
        s.put("every letter encoded, upper-case hex", encodeLetters(path, true));
        s.put("upper-case first segment", "/" + first.toUpperCase(Locale.ROOT) + afterFirst);

        // dot segments, plain and encoded
        s.put("/./ inside", "/" + first + "/." + afterFirst);
        s.put("x/../ in front", "/x/.." + path);
        s.put("%2e inside", "/" + first + "/%2e" + afterFirst);
        s.put("%2E%2E in front", "/x/%2E%2E" + path);
        s.put(".%2e in front", "/x/.%2e" + path);
        s.put("%2e%2e escaping the root", "/%2e%2e" + path);
        s.put("/.. at the end", path + "/..");

        // encoded and raw slashes, backslashes
        s.put("%2f between segments", "/" + first + "%2f" + stripSlash(afterFirst));
        s.put("%2F in front", "/%2F" + path.substring(1));
        s.put("%5c between segments", "/" + first + "%5c" + stripSlash(afterFirst));
        s.put("%5C%2e%2e%5C in front", "/x%5C%2e%2e%5C" + path.substring(1));
        s.put("raw backslash between segments", "/" + first + "\\" + stripSlash(afterFirst));

        // double encoding, overlong UTF-8
        s.put("double-encoded letter", encodeAt(path, 1, false).replaceFirst("%", "%25"));
        s.put("double-encoded dots in front", "/x/%252e%252e" + path);
        s.put("double-encoded slash", "/" + first + "%252f" + stripSlash(afterFirst));
        s.put("overlong dots in front", "/x/%c0%ae%c0%ae" + path);
        s.put("overlong slash between segments", "/" + first + "%c0%af" + stripSlash(afterFirst));
        s.put("overlong first letter", "/%c1%" + Integer.toHexString(0x80 | (path.charAt(1) & 0x3f)) + path.substring(2));

        // invalid escapes
        s.put("%zz at the end", path + "%zz");
        s.put("lone % at the end", path + "%");
        s.put("half escape at the end", path + "%4");
        s.put("%zz in front", "/%zz" + path);
        s.put("%g1 for the first letter", "/%g1" + path.substring(2));
        s.put("invalid UTF-8 at the end", path + "%ff%fe");

        // path parameters
        s.put(";jsessionid at the end", path + ";jsessionid=x");
        s.put("path parameter in the first segment", "/" + first + ";x=y" + afterFirst);
        s.put("empty path parameter", "/" + first + ";" + afterFirst);
        s.put("encoded semicolon", "/" + first + "%3bx=y" + afterFirst);
        s.put("path parameter on an encoded segment", encodeAt("/" + first + ";v=1" + afterFirst, 1, false));

        // slashes and dots at the edges
        s.put("doubled leading slash", "/" + path);
        s.put("doubled inner slash", "/" + first + "/" + afterFirst);
        s.put("trailing slash", path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/");
        s.put("doubled trailing slash", path + "/");
        s.put("trailing dot", path + ".");
        s.put("dot after the first segment", "/" + first + "." + afterFirst);
        s.put("trailing encoded dot", path + "%2e");
        s.put("trailing dots and slash", path + "../");

        // control characters, whitespace, NUL
        s.put("NUL at the end", path + "%00");
        s.put("NUL in the first segment", "/" + first + "%00" + afterFirst);
        s.put("CR LF at the end", path + "%0d%0a");
        s.put("tab at the end", path + "%09");
        s.put("space at the end", path + "%20");
        s.put("encoded ? and #", path + "%3fx=1%23y");

        // Unicode
        s.put("encoded Vietnamese segment", path + (path.endsWith("/") ? "" : "/") + "h%E1%BB%93-s%C6%A1");
        s.put("raw Vietnamese segment", path + (path.endsWith("/") ? "" : "/") + "hồ-sơ");
        s.put("full-width first letter, encoded", "/" + fullWidth(first.charAt(0)) + path.substring(2));
        s.put("raw full-width first letter", "/" + (char) (0xFF00 + first.charAt(0) - 0x20) + path.substring(2));
        s.put("encoded right-to-left override", path + "%E2%80%AE");
        s.put("encoded lone surrogate", path + "%ED%A0%80");
        return s;
    }

    private static List<Integer> segmentStarts(String path) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                starts.add(i + 1);
            }
        }
        return starts;
    }

    private static int lastLetter(String path) {
        for (int i = path.length() - 1; i > 0; i--) {
            if (Character.isLetter(path.charAt(i))) {
                return i;
            }
        }
        throw new IllegalArgumentException(path);
    }

    private static String encodeAt(String path, int at, boolean upper) {
        return path.substring(0, at) + escape(path.charAt(at), upper) + path.substring(at + 1);
    }

    private static String encodeLetters(String path, boolean upper) {
        StringBuilder b = new StringBuilder();
        for (char c : path.toCharArray()) {
            b.append(Character.isLetter(c) ? escape(c, upper) : String.valueOf(c));
        }
        return b.toString();
    }

    private static String escape(char c, boolean upper) {
        String hex = String.format("%%%02x", (int) c);
        return upper ? hex.toUpperCase(Locale.ROOT) : hex;
    }

    private static String fullWidth(char c) {
        int cp = 0xFF00 + c - 0x20;
        return String.format("%%%02X%%%02X%%%02X", 0xE0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F));
    }

    private static String stripSlash(String s) {
        return s.startsWith("/") ? s.substring(1) : s;
    }
}
