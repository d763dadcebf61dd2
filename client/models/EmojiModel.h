#pragma once

/// The emoji picker's list: the emoji I used recently first (group "Recently used"), then the
/// whole catalogue by group (EmojiCatalog); with a `filter`, only the catalogue's emoji whose
/// name has words starting with every word of it. Built when QML first asks for rows.

#include <QtCore/QAbstractListModel>
#include <QtCore/QVariantList>
#include <QtQmlIntegration/qqmlintegration.h>

namespace Parley {

class RecentEmoji;

class EmojiModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("EmojiModel comes from Client.emoji")

    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QVariantList groups READ groups NOTIFY countChanged)

public:
    enum Role {
        EmojiRole = Qt::UserRole + 1,
        NameRole, ///< Unicode's name ("rocket"): the buttons' accessible name
        GroupRole, ///< "Recently used" or the catalogue's group
    };
    Q_ENUM(Role)

    explicit EmojiModel(RecentEmoji *recents, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString filter() const { return m_filter; }
    void setFilter(const QString &filter);
    /// The groups shown, in order, each a map {name, emoji} (its first emoji, for a tab).
    QVariantList groups() const;
    /// The first row of `group`, or -1.
    Q_INVOKABLE int rowOfGroup(const QString &group) const;
    /// The group of `row` (the picker's header names the group on top), or empty.
    Q_INVOKABLE QString groupOf(int row) const;
    /// The user chose `emoji` (the picker's own uses; reactions are counted by Chat).
    Q_INVOKABLE void use(const QString &emoji);

    /// The group name of the recent emoji.
    static QString recentGroup();

Q_SIGNALS:
    void filterChanged();
    void countChanged();

private:
    struct Row
    {
        QString emoji;
        QString name;
        QString group;
    };

    /// Rows from the catalogue, the recents and the filter; announced as a reset once QML
    /// has seen rows.
    void rebuild();
    void build() const;

    RecentEmoji *m_recents;
    QString m_filter;
    mutable QList<Row> m_rows;
    mutable bool m_built = false;
};

} // namespace Parley
