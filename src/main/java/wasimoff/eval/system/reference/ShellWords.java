package wasimoff.eval.system.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an {@code X-Args} header into words with POSIX shell quoting (single quotes, double quotes,
 * backslash escapes), as Wasimoff's broker does with google/shlex. Written by hand because the only
 * Java libraries that do this (commons-exec, commons-text) bring far more than these twenty lines.
 */
final class ShellWords {
    private ShellWords() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\\') {
                if (++i >= line.length()) {
                    throw new IllegalArgumentException("EOF found after escape character");
                }
                word.append(line.charAt(i));
                inWord = true;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("EOF found when expecting closing quote");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
