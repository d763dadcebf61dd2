#pragma once

/// Turns what a person types as a server ("example.org", "localhost:8443",
/// "wss://host:port/") into the WebSocket URL the client connects to.

#include <QtCore/QString>
#include <QtCore/QUrl>

namespace Parley {

/// The default port of parleyd (docs/operations.md).
inline constexpr int DefaultServerPort = 7443;

/// A wss:// (or ws:// when written so) URL, or an invalid QUrl when the text is no address.
QUrl serverUrlFromText(const QString &text);

/// "host:port", the key certificate pins and keychain entries are filed under.
QString serverKey(const QUrl &url);

} // namespace Parley
