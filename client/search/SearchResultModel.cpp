#include "SearchResultModel.h"

#include "models/ConversationListModel.h"
#include "store/MessageStore.h"

#include <QtCore/QDateTime>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

QString plainSnippet(QString snippet)
{
    return snippet.remove(SearchHit::MatchStart).remove(SearchHit::MatchEnd);
}

QString htmlSnippet(const QString &snippet)
{
    QString html = snippet.toHtmlEscaped();
    html.replace(SearchHit::MatchStart, u"<b>"_s).replace(SearchHit::MatchEnd, u"</b>"_s);
    return html;
}

} // namespace

SearchResultModel::SearchResultModel(MessageStore *store, ConversationListModel *conversations,
                                     QObject *parent)
    : QAbstractListModel(parent),
      m_store(store),
      m_conversations(conversations)
{
}

void SearchResultModel::setQuery(const QString &query)
{
    const QString trimmed = query.trimmed();
    ++m_generation;
    beginResetModel();
    m_hits.clear();
    m_exhausted = trimmed.isEmpty();
    endResetModel();
    if (trimmed != m_query) {
        m_query = trimmed;
        Q_EMIT queryChanged();
    }
    if (m_query.isEmpty()) {
        setBusy(false);
        return;
    }
    load();
}

void SearchResultModel::load()
{
    SearchCursor after;
    if (!m_hits.isEmpty()) {
        const StoredMessage &last = m_hits.last().message;
        after = SearchCursor{last.timestamp, last.conversationId, last.seq};
    }
    setBusy(true);
    const quint64 generation = m_generation;
    m_store->searchMessages(m_query, 0, after, PageSize)
            .then(this, [this, generation](const QList<SearchHit> &page) {
                if (generation != m_generation)
                    return;
                m_exhausted = page.size() < PageSize;
                if (!page.isEmpty()) {
                    const int first = int(m_hits.size());
                    beginInsertRows({}, first, first + int(page.size()) - 1);
                    m_hits.append(page);
                    endInsertRows();
                }
                setBusy(false);
                Q_EMIT pageLoaded();
            });
}

void SearchResultModel::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QHash<int, QByteArray> SearchResultModel::roleNames() const
{
    return {{ConversationIdRole, "conversationId"},
            {ConversationTitleRole, "conversationTitle"},
            {SeqRole, "seq"},
            {SenderNameRole, "senderName"},
            {SnippetRole, "snippet"},
            {SnippetHtmlRole, "snippetHtml"},
            {TimestampRole, "timestamp"}};
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit &hit = m_hits.at(index.row());
    const StoredMessage &m = hit.message;
    switch (role) {
    case ConversationIdRole:
        return m.conversationId;
    case ConversationTitleRole: {
        const ConversationSummary *summary = m_conversations->summary(m.conversationId);
        return summary ? m_conversations->titleOf(*summary) : QString();
    }
    case SeqRole:
        return m.seq;
    case SenderNameRole:
        return m.senderName;
    case Qt::DisplayRole:
    case SnippetRole:
        return plainSnippet(hit.snippet);
    case SnippetHtmlRole:
        return htmlSnippet(hit.snippet);
    case TimestampRole:
        return QDateTime::fromMSecsSinceEpoch(m.timestamp);
    default:
        return {};
    }
}

bool SearchResultModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_busy && !m_exhausted && !m_hits.isEmpty();
}

void SearchResultModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        load();
}

} // namespace Parley
