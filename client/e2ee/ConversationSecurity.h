#pragma once

/// What the UI shows about the encryption of one conversation: a warning while the identity
/// key of someone in it changed and is not acknowledged (sending waits until it is).

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

public:
    explicit ConversationSecurity(qint64 conversationId, QObject *parent = nullptr);

    qint64 conversationId() const { return m_conversationId; }
    bool hasKeyChange() const { return !m_userIds.isEmpty(); }
    /// One sentence for a banner; empty when there is nothing to warn about.
    QString keyChangeWarning() const;
    QVariantList changedUserIds() const;
    QStringList changedUsernames() const { return m_usernames; }

    /// The members of the conversation whose key changed (ids and names, same order).
    void setChangedMembers(const QList<qint64> &userIds, const QStringList &usernames);

Q_SIGNALS:
    void changed();

private:
    qint64 m_conversationId;
    QList<qint64> m_userIds;
    QStringList m_usernames;
};

} // namespace Parley
