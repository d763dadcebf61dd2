#pragma once

/// Which code serves the WebSocket connections (the `transport` setting).

namespace Parley {

enum class Transport {
    Native, ///< StreamConnection: descriptor + notifier, one shared SSL_CTX, own framing
    Qt, ///< WebSocketConnection: QSslSocket/QTcpSocket and QWebSocketServer
};

} // namespace Parley
