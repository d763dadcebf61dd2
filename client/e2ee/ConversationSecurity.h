#pragma once

/// What the UI shows about the encryption of one conversation: a warning while the identity
/// key of someone in it changed and is not acknowledged (sending waits until it is), and which
/// members the user verified (a shield in the header of a direct chat and in the member list).

#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtCore/QVariantList>
#include <QtQmlIntegration/qqmlintegration.h>

namespace Parley {

class ConversationSecurity : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ConversationSecurity comes from Chat.security")

    Q_PROPERTY(qint64 conversationId READ conversationId CONSTANT)
    Q_PROPERTY(bool hasKeyChange READ hasKeyChange NOTIFY changed)
    Q_PROPERTY(QString keyChangeWarning READ keyChangeWarning NOTIFY changed)
    Q_PROPERTY(QVariantList changedUserIds READ changedUserIds NOTIFY changed)
    Q_PROPERTY(QStringList changedUsernames READ changedUsernames NOTIFY changed)
    /// The members (not me) marked as verified.
    Q_PROPERTY(QVariantList verifiedUserIds READ verifiedUserIds NOTIFY verifiedChanged)
    /// Every other member is marked as verified (in a direct chat: the other person).
    Q_PROPERTY(bool othersVerified READ othersVerified NOTIFY verifiedChanged)

public:
    explicit ConversationSecurity(qint64 conversationId, QObject *parent = nullptr);

    qint64 conversationId() const { return m_conversationId; }
    bool hasKeyChange() const { return !m_userIds.isEmpty(); }
    /// One sentence for a banner; empty when there is nothing to warn about.
    QString keyChangeWarning() const;
    QVariantList changedUserIds() const;
    QStringList changedUsernames() const { return m_usernames; }
    QVariantList verifiedUserIds() const;
    bool othersVerified() const { return m_othersVerified; }

    /// The members of the conversation whose key changed (ids and names, same order).
    void setChangedMembers(const QList<qint64> &userIds, const QStringList &usernames);
    /// The verified members and whether they are all the others.
    void setVerifiedMembers(const QList<qint64> &userIds, bool allOthers);

Q_SIGNALS:
    void changed();
    void verifiedChanged();

private:
    qint64 m_conversationId;
    QList<qint64> m_userIds;
    QStringList m_usernames;
    QList<qint64> m_verified;
    bool m_othersVerified = false;
};

} // namespace Parley
