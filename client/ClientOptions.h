#pragma once

/// What the `parley` executable (or a test) tells a Client when it makes one.

#include <QtCore/QString>

namespace Parley {

struct ClientOptions
{
    /// Keeps data and keychain entries apart, so two people can run side by side.
    QString profile = QStringLiteral("default");
    /// The profile's data folder (cache, pinned certificates); empty: ProfilePaths::dataDir().
    QString dataDir;
    /// The server shown on the login screen, e.g. "wss://127.0.0.1:8443"; empty: none.
    QString serverUrl;
    /// "USER:PASSWORD": log in at start (registering first if the account does not exist).
    QString demoLogin;
    /// The device name sent at login; empty: the host name.
    QString deviceName;
    /// Freedesktop notifications; tests turn them off.
    bool notifications = true;
    /// A server certificate that no trusted CA vouches for is pinned only after the user saw its
    /// fingerprint and accepted it (Client::certificateToApprove). Programs that drive the
    /// library without a person (tests, benches) turn it off: then it is pinned on first use.
    bool askBeforePinning = true;
};

} // namespace Parley
