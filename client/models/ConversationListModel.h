#pragma once

/// The conversation list: newest activity first, filtered by title (and a direct chat's
/// username).

#include "model/Signals.h"
#include "store/StoreTypes.h"

#include <QtCore/QAbstractListModel>
#include <QtCore/QDateTime>
#include <QtQmlIntegration/qqmlintegration.h>

namespace Parley {

class Profiles;

class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ConversationListModel comes from Client.conversations")

    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int totalUnread READ totalUnread NOTIFY totalUnreadChanged)

public:
    enum Role {
        ConversationIdRole = Qt::UserRole + 1,
        TitleRole,
        IsGroupRole,
        LastMessageRole,
        LastActivityRole,
        UnreadCountRole,
        OnlineRole,
        LastSeenRole,
        TypingTextRole,
        MutedRole,
        AvatarSourceRole, ///< the other person's picture (Profiles::avatarSourceOf); empty: none
        PeerUsernameRole, ///< the other person's username in a direct chat; empty for groups
    };
    Q_ENUM(Role)

    explicit ConversationListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString filter() const { return m_filter; }
    void setFilter(const QString &filter);
    int totalUnread() const { return m_totalUnread; }

    // --- fed by Client ---
    void setSelfUserId(qint64 userId) { m_selfUserId = userId; }
    /// Names the other person of a direct chat by their display name when known.
    void setProfiles(const Profiles *profiles);
    void setSummaries(const QList<ConversationSummary> &summaries);
    void updateSummary(const ConversationSummary &summary);
    void removeAll();
    void setPresence(const Presence &presence);
    void setTypingText(qint64 conversationId, const QString &text);

    /// The summary of a conversation (also when filtered out); nullptr if unknown.
    const ConversationSummary *summary(qint64 conversationId) const;
    /// The other person of a direct chat; 0 for groups.
    qint64 peerOf(const ConversationSummary &summary) const;
    /// The title the list shows: the group's, or the other person's display name (their
    /// username when they gave none).
    QString titleOf(const ConversationSummary &summary) const;
    /// Every conversation known (also the filtered-out ones).
    QList<ConversationSummary> summaries() const;
    /// The other person's username in a direct chat; empty for groups.
    QString peerUsernameOf(const ConversationSummary &summary) const;
    /// The username of `userId` as a member of any conversation known; empty if none.
    QString usernameOf(qint64 userId) const;
    /// Everyone who is a member of a conversation known, each once, the user left out.
    QList<Member> people() const;

Q_SIGNALS:
    void filterChanged();
    /// The summary of `conversationId` was replaced (setSummaries, updateSummary).
    void summaryChanged(qint64 conversationId);
    void totalUnreadChanged();

private:
    struct Row
    {
        ConversationSummary summary;
        QString title;
        Presence presence;
        QString typingText;
        QString avatarSource;
    };

    /// The display name or picture of `userId` changed: their direct chats' rows follow.
    void onProfileChanged(qint64 userId);
    Row makeRow(const ConversationSummary &summary) const;
    void rebuild();
    static QList<int> changedRoles(const Row &a, const Row &b);

    qint64 m_selfUserId = 0;
    const Profiles *m_profiles = nullptr;
    QString m_filter;
    QHash<qint64, Row> m_all;
    QList<Row> m_rows; ///< filtered and sorted view of m_all
    QHash<qint64, Presence> m_presence;
    int m_totalUnread = 0;
};

} // namespace Parley
