package io.fashionrec.index.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The index cannot be read (missing, damaged, or written in another format version) or written
 * (locked by another process, or the file system refused). The message is one sentence that names
 * the directory or file, says what is wrong and what to do; it is meant to be shown to users as it
 * is, without a stack trace.
 */
public class IndexFormatException extends RuntimeException {

    /** The command that rebuilds an index; every "what to do" points at it. */
    static final String REBUILD = "`fashionrec index`";

    public IndexFormatException(String message) {
        super(message);
    }

    public IndexFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /** There is no index at {@code dir}: no directory, or no manifest in it. */
    static IndexFormatException noIndex(Path dir) {
        return new IndexFormatException("no fashionrec index at " + dir + " (no " + Manifest.FILE_NAME
                + "); build one with `fashionrec index --catalog CATALOG --index " + dir + "`");
    }

    /** {@code file} exists but its bytes are wrong; {@code problem} says how, e.g. "fails its checksum". */
    static IndexFormatException damaged(Path file, String problem) {
        return new IndexFormatException(file + " " + problem + ": the index is damaged, rebuild it with " + REBUILD);
    }

    /** Like {@link #damaged(Path, String)}, keeping the I/O or parse error that revealed the damage. */
    static IndexFormatException damaged(Path file, String problem, Throwable cause) {
        return new IndexFormatException(file + " " + problem + ": the index is damaged, rebuild it with " + REBUILD, cause);
    }

    /** The index at {@code dir} was written in another format version than this code reads. */
    static IndexFormatException otherFormatVersion(Path dir, long found, int oldest, int newest) {
        return new IndexFormatException(dir + " holds an index in format version " + found + "; this fashionrec reads versions "
                + oldest + " to " + newest + ": rebuild it with " + REBUILD);
    }

    /** One part file of the index was written with another version of its codec. */
    static IndexFormatException otherCodecVersion(Path file, String codec, long found, int supported) {
        return new IndexFormatException(file + " holds " + codec + " version " + found + "; this fashionrec reads version "
                + supported + ": rebuild the index with " + REBUILD);
    }

    /** Another process holds {@code write.lock}. */
    static IndexFormatException locked(Path dir) {
        return new IndexFormatException("another fashionrec process is writing the index at " + dir
                + "; wait for it to finish or stop it, then try again");
    }

    /** The file system refused to read {@code file}. */
    static IndexFormatException cannotRead(Path file, IOException e) {
        return new IndexFormatException("cannot read " + file + " (" + reason(e) + "); check that it is readable", e);
    }

    /** The file system refused to write {@code file}. */
    static IndexFormatException cannotWrite(Path file, IOException e) {
        return new IndexFormatException("cannot write " + file + " (" + reason(e) + "); check free space and permissions", e);
    }

    /** {@code s} with every character but printable ASCII replaced by '?', for quoting untrusted bytes in a message. */
    static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7E]", "?");
    }

    /** A short, path-free description of an I/O failure (the message already names the file). */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name exists";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
