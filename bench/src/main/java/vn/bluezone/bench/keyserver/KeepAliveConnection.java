package vn.bluezone.bench.keyserver;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One persistent HTTP/1.1 connection for the load generator: writes a request prepared as bytes and reads the
 * response (Content-Length or chunked body). Why not {@code java.net.http}: on this 2-core machine the generator
 * shares the CPU with the server and PostgreSQL, and the JDK client (selector thread, hand-offs between threads,
 * per-request builders) cost more CPU per request than the server's own work on a rejected request, so the
 * generator measured itself. A blocking socket per worker thread costs a write and a read.
 *
 * <p>Only what the key server sends is supported: no TLS, no 1xx, no trailers. Reconnects when the server
 * closes the connection.
 */
public final class KeepAliveConnection implements AutoCloseable {
    private final URI base;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    /** A response: status, body and the Retry-After header (null when absent). */
    public record Response(int status, byte[] body, String retryAfter) {
        public Response(int status, byte[] body) {
            this(status, body, null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public KeepAliveConnection(URI base) {
        this.base = base;
    }

    /** The bytes of a POST with a JSON body, built once and sent as often as needed. */
    public static byte[] post(URI base, String path, String json, String... headers) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder h = new StringBuilder(256);
        h.append("POST ").append(base.getRawPath().endsWith("/") ? base.getRawPath() : base.getRawPath() + "/")
                .append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(port(base)).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        h.append("\r\n");
        byte[] head = h.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    public Response send(byte[] request) throws IOException {
        for (int attempt = 0; ; attempt++) {
            boolean reused = socket != null;
            try {
                connectIfNeeded();
                out.write(request);
                out.flush();
                return readResponse();
            } catch (IOException e) {
                close();
                if (!reused || attempt > 0) {
                    throw e; // a fresh connection failed: a real error
                }
                // the server closed an idle kept-alive connection: once more on a new one
            }
        }
    }

    private void connectIfNeeded() throws IOException {
        if (socket == null) {
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(base.getHost(), port(base)), 5_000);
            s.setSoTimeout(30_000);
            socket = s;
            out = s.getOutputStream();
            in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        }
    }

    private Response readResponse() throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        String retryAfter = null;
        for (String h; !(h = line()).isEmpty(); ) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                close = true;
            } else if (name.equalsIgnoreCase("Retry-After")) {
                retryAfter = value;
            }
        }
        byte[] body;
        if (chunked) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (true) {
                String size = line();
                int semi = size.indexOf(';');
                int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                if (n == 0) {
                    while (!line().isEmpty()) {
                        // trailers: none expected, skipped
                    }
                    break;
                }
                b.write(in.readNBytes(n));
                line(); // CRLF after the chunk
            }
            body = b.toByteArray();
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new EOFException("body cut short");
            }
        } else {
            body = in.readAllBytes();
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(code, body, retryAfter);
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c == '\n') {
                int n = s.length();
                return n > 0 && s.charAt(n - 1) == '\r' ? s.substring(0, n - 1) : s.toString();
            }
            s.append((char) c);
        }
    }

    private static int port(URI u) {
        return u.getPort() > 0 ? u.getPort() : 80;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        out = null;
        in = null;
    }
}
