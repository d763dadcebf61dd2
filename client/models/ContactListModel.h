#pragma once

/// The people the user can reach: everyone who shares a conversation with them, sorted by the
/// name shown, filtered by a search that matches the name or the username.

#include "model/Signals.h"

#include <QtCore/QAbstractListModel>
#include <QtCore/QHash>

#include <QtQmlIntegration/qqmlintegration.h>
#include <functional>

namespace Parley {

class ConversationListModel;
class Profiles;

class ContactListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ContactListModel comes from Client.contacts")

    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        UserIdRole = Qt::UserRole + 1,
        UsernameRole,
        NameRole, ///< the display name when the person set one, else the username
        OnlineRole,
        AvatarSourceRole, ///< the person's picture (Profiles::avatarSourceOf); empty: none
    };
    Q_ENUM(Role)

    /// Follows the members of the conversations in `conversations`.
    explicit ContactListModel(const ConversationListModel *conversations,
                              QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString filter() const { return m_filter; }
    void setFilter(const QString &filter);

    /// The username in `row`; empty outside the list.
    Q_INVOKABLE QString usernameAt(int row) const;
    /// The row of the contact whose username is `username` (any case); -1 if none shows.
    Q_INVOKABLE int rowOfUsername(const QString &username) const;

    // --- fed by Client ---
    void setSelfUserId(qint64 userId);
    void setPresence(const Presence &presence);
    /// Display names and pictures from `profiles`, followed as they change.
    void setProfiles(const Profiles *profiles);
    /// Where display names come from (setProfiles() sets it); none: usernames only.
    void setDisplayNames(std::function<QString(qint64 userId)> displayNameOf);
    /// A display name may have changed (or all of them, `userId` 0).
    void displayNameChanged(qint64 userId);

    /// Folds `text` for matching: case and accents do not count ("Zoë" finds "zoe").
    static QString folded(const QString &text);

Q_SIGNALS:
    void filterChanged();
    void countChanged();

private:
    struct Row
    {
        qint64 userId = 0;
        QString username;
        QString name;
        QString key; ///< folded name and username, what the filter matches
        QString avatarSource;
        Presence presence;
    };

    void scheduleRebuild();
    void rebuild();
    static QList<int> changedRoles(const Row &a, const Row &b);

    const ConversationListModel *m_conversations;
    std::function<QString(qint64)> m_displayNameOf;
    const Profiles *m_profiles = nullptr;
    qint64 m_selfUserId = 0;
    QString m_filter;
    QHash<qint64, Presence> m_presence;
    QList<Row> m_rows;
    bool m_rebuildPending = false;
};

} // namespace Parley
