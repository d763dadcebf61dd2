#pragma once

/// The hits of a full-text search over the local cache, for a ListView: newest first, a page
/// at a time (keyset by time, conversation and seq), each with a snippet around the match.
///
/// Client::searchMessages() sets the query; an empty query clears the list. A newer query
/// drops the answers of an older one. Owned by Client (Client::searchResults).

#include "store/StoreTypes.h"

#include <QtCore/QAbstractListModel>
#include <QtQmlIntegration/qqmlintegration.h>

namespace Parley {

class ConversationListModel;
class MessageStore;

class SearchResultModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("SearchResultModel comes from Client.searchResults")

    Q_PROPERTY(QString query READ query NOTIFY queryChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)

public:
    enum Role {
        ConversationIdRole = Qt::UserRole + 1,
        ConversationTitleRole,
        SeqRole,
        SenderNameRole,
        SnippetRole, ///< plain text around the match
        SnippetHtmlRole, ///< the same, escaped, with the matched words in <b>
        TimestampRole,
    };
    Q_ENUM(Role)

    static constexpr int PageSize = 50;

    SearchResultModel(MessageStore *store, ConversationListModel *conversations,
                      QObject *parent = nullptr);

    QString query() const { return m_query; }
    bool isBusy() const { return m_busy; }
    /// Starts a new search (the first page follows); empty: no results.
    void setQuery(const QString &query);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void queryChanged();
    void busyChanged();
    /// A page of results arrived (also when it was empty).
    void pageLoaded();

private:
    void load();
    void setBusy(bool busy);

    MessageStore *m_store;
    ConversationListModel *m_conversations;
    QString m_query;
    QList<SearchHit> m_hits;
    bool m_busy = false;
    bool m_exhausted = true;
    quint64 m_generation = 0;
};

} // namespace Parley
