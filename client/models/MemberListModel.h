#pragma once

/// The members of one conversation, owners and admins first.

#include "model/Conversation.h"
#include "model/Signals.h"

#include <QtCore/QAbstractListModel>
#include <QtQmlIntegration/qqmlintegration.h>

namespace Parley {

class Profiles;

class MemberListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("MemberListModel comes from Chat.members")

    Q_PROPERTY(qint64 conversationId READ conversationId CONSTANT)
    Q_PROPERTY(bool canManage READ canManage NOTIFY canManageChanged)
    Q_PROPERTY(bool isOwner READ isOwner NOTIFY isOwnerChanged)

public:
    enum Role {
        UserIdRole = Qt::UserRole + 1,
        UsernameRole,
        RoleRole, ///< States::MemberRole
        OnlineRole,
        IsSelfRole,
        DisplayNameRole, ///< the name they gave themselves (Profiles); empty: none
        AvatarSourceRole, ///< their picture (Profiles::avatarSourceOf); empty: none
    };
    Q_ENUM(Role)

    MemberListModel(qint64 conversationId, qint64 selfUserId, QObject *parent = nullptr);

    qint64 conversationId() const { return m_conversationId; }
    bool canManage() const { return m_canManage; }
    bool isOwner() const { return m_isOwner; }

    /// The members as listed (owners and admins first).
    QList<Member> memberList() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // --- fed by its Chat ---
    /// Members show with their display name and picture when known.
    void setProfiles(const Profiles *profiles);
    void setMembers(const QList<Member> &members);
    void setPresence(const Presence &presence);

Q_SIGNALS:
    void canManageChanged();
    void isOwnerChanged();

private:
    struct Row
    {
        Member member;
        bool online = false;
    };
    void apply(QList<Row> next);

    qint64 m_conversationId;
    qint64 m_selfUserId;
    const Profiles *m_profiles = nullptr;
    QList<Row> m_rows;
    QHash<qint64, bool> m_online;
    bool m_canManage = false;
    bool m_isOwner = false;
};

} // namespace Parley
