// parley-cache-bench: the cache encrypted at rest against the same cache in clear, in one run
// (docs/performance.md, "The cache at rest").
//
// Builds a clear cache of N messages in M conversations (one of them `largest`) through
// MessageStore::storeMessages in sync's pages of 100 (text messages, the profile generator's
// phrases; no end-to-end encryption, which costs the same either way), copies it and seals the
// copy by opening it with a key (the one-time conversion, timed). Then, RUNS times, alternating
// clear and sealed: start-up (open, the conversation list's summaries, the newest page of the
// largest conversation), search (five full-text queries) and paging (100 pages of 50 back
// through the largest conversation). Prints medians and the ratios sealed/clear.

#include "Phrases.h"
#include "content/MessageContent.h"
#include "store/AwaitFuture.h"
#include "store/MessageStore.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QLoggingCategory>
#include <QtCore/QTemporaryDir>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Parley;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 SelfUserId = 1;

/// The result of a store call, once its future finished (awaitFuture runs the event loop).
template<typename T>
T await(QFuture<T> future)
{
    awaitFuture(future);
    if constexpr (!std::is_void_v<T>)
        return future.result();
}

[[noreturn]] void die(const char *what)
{
    std::fprintf(stderr, "parley-cache-bench: %s\n", what);
    std::exit(1);
}

void build(const QString &path, int conversations, int messages, int largest)
{
    MessageStore store;
    if (!await(store.open(path)))
        die("cannot create the cache");
    QList<Conversation> list;
    QList<int> counts;
    const int rest = messages - largest;
    for (int c = 0; c < conversations; ++c) {
        Conversation conversation;
        conversation.id = c + 1;
        conversation.kind = c % 3 == 0 ? ConversationKind::Group : ConversationKind::Direct;
        conversation.title =
                conversation.kind == ConversationKind::Group ? u"Team %1"_s.arg(c + 1) : QString();
        conversation.createdAt = 1'700'000'000'000;
        conversation.members.append(Member{SelfUserId, u"me"_s, Role::Member, 0, 0});
        conversation.members.append(
                Member{2 + c % 97, u"user%1"_s.arg(2 + c % 97), Role::Member, 0, 0});
        const int count = c == 0 ? largest
                                 : rest / std::max(1, conversations - 1)
                        + (c - 1 < rest % std::max(1, conversations - 1) ? 1 : 0);
        conversation.lastSeq = count;
        counts.append(count);
        list.append(conversation);
    }
    await(store.upsertConversations(list, SelfUserId));
    int n = 0;
    for (int c = 0; c < conversations; ++c) {
        for (int first = 1; first <= counts.at(c); first += 100) {
            QList<StoredMessage> page;
            for (int seq = first; seq < first + 100 && seq <= counts.at(c); ++seq, ++n) {
                StoredMessage m;
                m.conversationId = c + 1;
                m.seq = seq;
                m.senderId = seq % 4 == 0 ? SelfUserId : 2 + c % 97;
                m.senderDeviceId = m.senderId * 10;
                m.timestamp = 1'700'000'000'000 + qint64(n) * 1000;
                const MessageContent content = MessageContent::text(phrase(n));
                m.text = content.previewText();
                m.body = content.toBytes();
                page.append(m);
            }
            await(store.storeMessages(page, 10));
        }
    }
}

struct Times
{
    QList<double> startup, search, paging;
};

double ms(const QElapsedTimer &clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

/// `bigCache`: the clear cache with the sealed one's page cache (SealedCache's 8 MiB), which
/// leaves the encryption's own cost.
void measure(const QString &path, const CacheKey &key, int largest, Times &times,
             bool bigCache = false)
{
    QElapsedTimer clock;
    clock.start();
    MessageStore store;
    if (!await(store.open(path, key)))
        die("cannot open the cache");
    if (bigCache) {
        await(store.runInTransaction([](const QString &connection) {
            QSqlQuery q(QSqlDatabase::database(connection, false));
            return q.exec(u"PRAGMA cache_size = -8192"_s);
        }));
    }
    const auto summaries = await(store.conversationSummaries(SelfUserId));
    auto newest = await(store.latestMessages(1, 50));
    times.startup.append(ms(clock));
    if (summaries.isEmpty() || newest.isEmpty())
        die("the cache is empty");

    clock.restart();
    int hits = 0;
    for (const QString &query : {u"budget review"_s, u"slides tomor"_s, u"ticket"_s,
                                 u"lunch deploy meeting"_s, u"thanks fixed"_s})
        hits += int(await(store.searchMessages(query, 0, {}, 50)).size());
    hits += int(await(store.searchMessages(u"call"_s, 1, {}, 50)).size());
    times.search.append(ms(clock));
    if (hits == 0)
        die("search found nothing");

    clock.restart();
    qint64 before = newest.first().seq;
    int paged = 0;
    for (int page = 0; page < 100 && before > 1; ++page) {
        const auto rows = await(store.messagesBefore(1, before, 50));
        if (rows.isEmpty())
            break;
        paged += int(rows.size());
        before = rows.first().seq;
    }
    times.paging.append(ms(clock));
    if (paged < std::min(largest - 50, 4000))
        die("paging stopped early");
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"parley.*.info=false"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"The sealed cache against the clear one."_s);
    parser.addHelpOption();
    parser.addOptions({
            {u"conversations"_s, u"Conversations (default 500)."_s, u"n"_s, u"500"_s},
            {u"messages"_s, u"Messages in all (default 100000)."_s, u"n"_s, u"100000"_s},
            {u"largest"_s, u"Messages in conversation 1 (default 10000)."_s, u"n"_s, u"10000"_s},
            {u"runs"_s, u"Measured runs of each (default 7)."_s, u"n"_s, u"7"_s},
    });
    parser.process(app);
    const int conversations = std::max(2, parser.value(u"conversations"_s).toInt());
    const int messages = std::max(conversations, parser.value(u"messages"_s).toInt());
    const int largest =
            std::clamp(parser.value(u"largest"_s).toInt(), 100, messages - (conversations - 1));
    const int runs = std::max(1, parser.value(u"runs"_s).toInt());

    QTemporaryDir dir;
    const QString clear = dir.filePath(u"clear.db"_s), sealed = dir.filePath(u"sealed.db"_s);
    QElapsedTimer clock;
    clock.start();
    build(clear, conversations, messages, largest);
    std::printf("built %d messages in %d conversations in %.1f s, %.1f MiB\n", messages,
                conversations, ms(clock) / 1000, double(QFileInfo(clear).size()) / 1048576);
    if (!QFile::copy(clear, sealed))
        die("cannot copy the cache");
    const CacheKey key = CacheKey::generate();
    clock.restart();
    {
        MessageStore store;
        if (!await(store.open(sealed, key)))
            die("cannot seal the copy");
    }
    std::printf("sealing the copy (one-time conversion, open included): %.0f ms\n", ms(clock));

    Times clearTimes, bigTimes, sealedTimes;
    measure(clear, {}, largest, clearTimes); // warm-up of each, not counted
    measure(sealed, key, largest, sealedTimes);
    clearTimes = {};
    sealedTimes = {};
    for (int run = 0; run < runs; ++run) {
        measure(clear, {}, largest, clearTimes);
        measure(sealed, key, largest, sealedTimes);
        measure(clear, {}, largest, bigTimes, true);
    }
    auto row = [](const char *what, const QList<double> &c, const QList<double> &b,
                  const QList<double> &s) {
        std::printf("%-42s %9.1f ms %9.1f ms %9.1f ms   %5.2f   %5.2f\n", what, median(c),
                    median(b), median(s), median(s) / median(c), median(s) / median(b));
    };
    std::printf("%-42s %12s %12s %12s   %s   %s\n", "median of the runs", "clear", "clear 8 MiB",
                "sealed", "sealed/clear", "sealed/clear 8 MiB");
    row("start-up: open, 500 summaries, newest 50", clearTimes.startup, bigTimes.startup,
        sealedTimes.startup);
    row("search: 6 full-text queries of 50 hits", clearTimes.search, bigTimes.search,
        sealedTimes.search);
    row("paging: 100 pages of 50 back", clearTimes.paging, bigTimes.paging, sealedTimes.paging);
    return 0;
}
