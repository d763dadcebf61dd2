#pragma once

/// The user's choice whether contacts see when they were last online (docs/protocol.md,
/// `setPrivacy`): learnt from every `synced` and from the `privacy` pushes that follow a change
/// on another device, changed with setShowLastSeen() while connected, and kept in the cache's
/// settings so that an offline start shows the last known choice. GUI thread.

#include "protocol/Result.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>

namespace Parley {

class Connection;
class MessageStore;
class PushDispatcher;
struct PrivacyFrame;

class LastSeenPrivacy : public QObject
{
    Q_OBJECT
public:
    LastSeenPrivacy(Connection *connection, PushDispatcher *pushes, MessageStore *store,
                    QObject *parent = nullptr);

    /// Whether contacts see when the user was last online (the server's default: yes).
    bool showsLastSeen() const { return m_shows; }
    /// Whether a change can be sent now: connected to a server that speaks version 5.
    bool canChange() const;

    /// Reads the last known choice from the cache (once it is open).
    void load();
    /// What the server says (a `synced`, or a push after another device changed it).
    void learn(bool shows);
    /// Asks the server; the choice changes once it agreed (errors: errorOccurred).
    void setShowsLastSeen(bool shows);

Q_SIGNALS:
    void changed();
    /// canChange() may have changed.
    void availabilityChanged();
    void errorOccurred(const Parley::Error &error);

private:
    void pushed(const PrivacyFrame &frame);

    QPointer<Connection> m_connection;
    MessageStore *m_store;
    bool m_shows = true;
};

} // namespace Parley
