package org.gapdesk.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.gapdesk.intake.IntakeLimits;
import org.gapdesk.intake.UploadedFile;

/** Reads the files of a multipart upload, within the import limits. */
final class Uploads {
    private Uploads() {
    }

    /**
     * Every file part of the request, in order; empty file inputs are left out, so the list may be empty.
     *
     * @throws IllegalArgumentException when the request is not multipart, or a file or the sum is over the limits
     */
    static List<UploadedFile> files(Context ctx, IntakeLimits limits, long maxTotalBytes) {
        if (!ctx.isMultipartFormData()) {
            throw new IllegalArgumentException("send the files as multipart/form-data");
        }
        List<UploadedFile> out = new ArrayList<>();
        long total = 0;
        for (io.javalin.http.UploadedFile part : ctx.uploadedFiles()) {
            String name = part.filename();
            if ((name == null || name.isBlank()) && part.size() == 0) {
                continue;
            }
            if (part.size() > limits.maxFileBytes()) {
                throw new IllegalArgumentException(name + ": " + part.size() + " bytes is over the limit of "
                        + limits.maxFileBytes() + " bytes");
            }
            total += part.size();
            if (total > maxTotalBytes) {
                throw new IllegalArgumentException("the files add up to more than " + maxTotalBytes
                        + " bytes; import them in smaller batches");
            }
            try (InputStream in = part.content()) {
                out.add(new UploadedFile(name, in.readNBytes((int) limits.maxFileBytes() + 1)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
