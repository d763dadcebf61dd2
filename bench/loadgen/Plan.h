#pragma once

/// The bench's world: which users exist, which conversations they share, and how each peer
/// addresses them. The coordinator makes it (and, for Parley, fills in ids and tokens during
/// setup); every worker reads the same plan from a file.

#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QUrl>

#include <algorithm>
#include <optional>

namespace Parley::Bench {

enum class PeerKind { Parley, RawQt, SocketIo, Xmpp };

QString peerKindName(PeerKind kind);
std::optional<PeerKind> peerKindFromName(QStringView name);

struct PlanUser
{
    QString name;
    QString password;
    QByteArray token; ///< Parley: the device token from register (resume with it)
    qint64 userId = 0; ///< Parley: the server's user id
};

struct PlanConversation
{
    bool group = false;
    QList<int> members; ///< user indices; members[0] created it
    QString address; ///< Parley: conversation id; XMPP: room JID; others: room name
};

/// Layout: users [0, 2·pairs) form pairs (2k, 2k+1); groups of `groupSize` start at user 0
/// too (so a user is in one pair and one group); then idle-only users; the last two users
/// are the catch-up pair, whose conversation is the last one.
struct Plan
{
    PeerKind peer = PeerKind::Parley;
    QUrl url;
    QString xmppDomain = QStringLiteral("localhost");
    int bodyBytes = 64;
    int pairs = 0;
    int groups = 0;
    int groupSize = 0;
    int groupSenders = 0;
    QList<PlanUser> users;
    QList<PlanConversation> conversations;

    static Plan layout(PeerKind peer, const QUrl &url, int users, int pairs, int groups,
                       int groupSize, int groupSenders);

    int pairConversation(int user) const { return user < 2 * pairs ? user / 2 : -1; }
    int groupConversation(int user) const
    {
        return user < groups * groupSize ? pairs + user / groupSize : -1;
    }
    bool isGroupSender(int user) const
    {
        return groupConversation(user) >= 0 && user % groupSize < groupSenders;
    }
    int catchUpSender() const { return int(users.size()) - 2; }
    int catchUpReceiver() const { return int(users.size()) - 1; }
    int catchUpConversation() const { return int(conversations.size()) - 1; }
    /// Users that take part in the load scenarios (not the catch-up pair).
    int loadUsers() const { return int(users.size()) - 2; }
    /// Connected but in no conversation: only the connections scenario needs them.
    bool isIdleOnly(int user) const
    {
        return user >= std::max(2 * pairs, groups * groupSize) && user < loadUsers();
    }
    int firstIdleOnly() const { return std::max(2 * pairs, groups * groupSize); }
    /// The conversations a user is in, by index.
    QList<int> conversationsOf(int user) const;

    QJsonObject toJson() const;
    static Plan fromJson(const QJsonObject &json);
};

} // namespace Parley::Bench
