package starfish.node.net;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** One TCP connection to a peer, with buffered streams; closing is idempotent. */
final class Connection implements AutoCloseable {

    private static final int BUFFER_BYTES = 256 * 1024;

    private final Socket socket;
    private final InputStream input;
    private final OutputStream output;

    Connection(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.input = new BufferedInputStream(socket.getInputStream(), BUFFER_BYTES);
        this.output = new BufferedOutputStream(socket.getOutputStream(), BUFFER_BYTES);
    }

    InputStream input() {
        return input;
    }

    OutputStream output() {
        return output;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a broken socket: nothing more to do
        }
    }
}
