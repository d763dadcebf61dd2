#pragma once

/// The lines that tell the user a contact's keys changed ("bob added a new device"), shown in
/// every conversation with that contact (MessageListModel places them by time among the
/// messages). Kept beside the keys (e2ee_notices), on this device only: never unread, never
/// notified. Lives on the GUI thread.

#include "ContactTrust.h"
#include "KeyVault.h"

#include <QtCore/QList>
#include <QtCore/QObject>

namespace Parley {

/// One line: `userId`'s keys changed at `at` (ms since the epoch).
struct SecurityNotice
{
    qint64 id = 0;
    qint64 userId = 0;
    ContactTrust::Change change = ContactTrust::Change::DeviceAdded;
    bool verificationCleared = false;
    qint64 at = 0;

    friend bool operator==(const SecurityNotice &, const SecurityNotice &) = default;
};

class SecurityNotices : public QObject
{
    Q_OBJECT

public:
    /// The newest lines kept; older ones are dropped.
    static constexpr int MaxKept = 500;

    explicit SecurityNotices(KeyVault *vault, QObject *parent = nullptr);

    /// Reads the stored lines (once the vault is open); loaded() follows.
    void load();
    void reset();
    bool isLoaded() const { return m_loaded; }

    /// The lines about any of these users, oldest first.
    QList<SecurityNotice> of(const QList<qint64> &userIds) const;
    /// Stores a line; added() follows.
    void add(qint64 userId, ContactTrust::Change change, bool verificationCleared);

Q_SIGNALS:
    void loaded();
    void added(const Parley::SecurityNotice &notice);

private:
    KeyVault *m_vault;
    QList<SecurityNotice> m_notices;
    bool m_loaded = false;
    quint64 m_generation = 0;
};

} // namespace Parley
