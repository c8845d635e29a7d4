package com.syncledger.app.cli;

import com.syncledger.app.problem.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Input files of the import commands, and their problems printed line by line. */
final class InputFiles {

    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    private InputFiles() {
    }

    /** The whole file as UTF-8 text. @throws IllegalArgumentException when it cannot be read as such */
    static Reader read(Path file) {
        try {
            return new StringReader(Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Each problem on its own line, in the order of the file's lines. */
    static void printProblems(PrintWriter err, Path file, InvalidInputException e) {
        err.println("error: " + file + " was not imported, nothing was written:");
        e.fields().entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, String> p) -> lineOf(p.getKey()))
                .thenComparing(Map.Entry::getKey)).forEach(p -> err.println("  " + p.getKey() + ": " + p.getValue()));
    }

    private static long lineOf(String key) {
        Matcher m = LINE.matcher(key);
        return m.find() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
    }
}
