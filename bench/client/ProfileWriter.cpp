#include "ProfileWriter.h"

#include "Phrases.h"
#include "content/MessageContent.h"
#include "crypto/DeviceIdentity.h"
#include "crypto/KeyStore.h"
#include "crypto/MessagePadding.h"
#include "crypto/PairwiseCipher.h"
#include "crypto/RecordSealer.h"
#include "crypto/SenderKeyCipher.h"
#include "crypto/SignalContext.h"
#include "net/ServerAddress.h"
#include "platform/Keychain.h"
#include "platform/ProfilePaths.h"
#include "platform/ProfileSecrets.h"
#include "store/AwaitFuture.h"
#include "store/MessageStore.h"

#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QTemporaryDir>
#include <QtCore/QUrl>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace Parley::ProfileGen {

namespace {

constexpr qint64 SelfUserId = 1;
constexpr qint64 SelfDeviceId = 1;
constexpr int PageSize = 100; // CatchUpPageSize, client/sync/SyncEngine.cpp

/// One device's libsignal keys in a scratch SQLite file.
struct Device
{
    DeviceAddress address;
    std::unique_ptr<SignalContext> context;
    std::unique_ptr<KeyStore> keys;
    PreKeyBundle bundle;
};

std::unique_ptr<Device> makeDevice(const QTemporaryDir &dir, qint64 user)
{
    auto d = std::make_unique<Device>();
    d->address = {user, 1};
    const QString connection = u"profile-gen-%1"_s.arg(user);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
    db.setDatabaseName(dir.filePath(connection + u".sqlite"_s));
    if (!db.open())
        die(u"cannot open a key store file"_s);
    // As the client's cache, where the device's keys live: WAL, synchronous=NORMAL.
    QSqlQuery(db).exec(u"PRAGMA journal_mode = WAL"_s);
    QSqlQuery(db).exec(u"PRAGMA synchronous = NORMAL"_s);
    auto context = SignalContext::create();
    if (!context)
        die(u"no libsignal context"_s);
    d->context = std::move(context).value();
    auto keys = KeyStore::open(*d->context, connection, RecordSealer::generateStorageKey());
    if (!keys)
        die(u"no key store"_s);
    d->keys = std::move(keys).value();
    auto bundle = DeviceIdentity(*d->keys).create(1);
    if (!bundle)
        die(u"no device identity"_s);
    d->bundle = bundle.value();
    return d;
}

} // namespace

void die(const QString &what)
{
    std::fprintf(stderr, "parley-profile-gen: %s\n", qPrintable(what));
    std::exit(1);
}

void ProfileWriter::createProfile(const QString &profile)
{
    if (!ProfilePaths::isValidProfileName(profile))
        die(u"invalid profile name"_s);
    const QString dataDir = ProfilePaths::dataDir(profile);
    if (QDir(dataDir).exists())
        die(u"profile folder %1 exists already"_s.arg(dataDir));
    if (!QDir().mkpath(dataDir))
        die(u"cannot create %1"_s.arg(dataDir));
    if (!awaitFuture(m_cache.open(ProfilePaths::cacheFile(dataDir))).result())
        die(u"cannot open the cache"_s);
}

void ProfileWriter::writeConversations(int conversations, int messages, int largest)
{
    // Conversation 1 is a group of 20 with `largest` messages; the others alternate direct
    // chats and groups of 5 and share the rest.
    QList<Conversation> list;
    m_counts.clear();
    const int rest = messages - largest;
    for (int c = 0; c < conversations; ++c) {
        Conversation conversation;
        conversation.id = c + 1;
        const bool group = c == 0 || c % 3 == 0;
        conversation.kind = group ? ConversationKind::Group : ConversationKind::Direct;
        conversation.title = group ? u"Team %1"_s.arg(c + 1) : QString();
        conversation.createdAt = 1'700'000'000'000;
        conversation.members.append(Member{SelfUserId, u"me"_s, Role::Member, 0, 0});
        const int others = c == 0 ? 19 : group ? 4 : 1;
        for (int m = 0; m < others; ++m) {
            const qint64 user = 2 + (c * 7 + m) % 997;
            conversation.members.append(Member{user, u"user%1"_s.arg(user), Role::Member, 0, 0});
        }
        const int count = c == 0 ? largest
                                 : rest / (conversations - 1)
                        + (c - 1 < rest % std::max(1, conversations - 1) ? 1 : 0);
        conversation.lastSeq = count;
        // Read up to all but the last few, as a user who keeps up.
        conversation.members[0].readUpTo = std::max(0, count - c % 4);
        m_counts.append(count);
        list.append(conversation);
    }
    awaitFuture(m_cache.upsertConversations(list, SelfUserId));
    m_conversations = list;
}

int ProfileWriter::writeMessages(const QElapsedTimer &clock)
{
    // A sender's key and the receiving device's: every message goes through both.
    QTemporaryDir keysDir;
    if (!keysDir.isValid())
        die(u"no temporary folder"_s);
    auto sender = makeDevice(keysDir, 2);
    auto receiver = makeDevice(keysDir, SelfUserId);
    constexpr qint64 KeyGroup = 1;
    if (!PairwiseCipher(*sender->keys).buildSession(receiver->address, receiver->bundle))
        die(u"no pairwise session"_s);
    const auto distribution =
            SenderKeyCipher(*sender->keys).distributionMessage(KeyGroup, sender->address);
    if (!distribution
        || !SenderKeyCipher(*receiver->keys)
                    .processDistributionMessage(KeyGroup, sender->address, distribution.value()))
        die(u"no sender key"_s);
    SenderKeyCipher encrypter(*sender->keys), decrypter(*receiver->keys);

    int n = 0;
    qint64 timestamp = 1'700'000'000'000;
    for (int c = 0; c < m_conversations.size(); ++c) {
        const Conversation &conversation = m_conversations.at(c);
        QList<StoredMessage> page;
        for (int seq = 1; seq <= m_counts.at(c); ++seq, ++n) {
            const Member &from = conversation.members.at(seq % conversation.members.size());
            const QByteArray content = MessageContent::text(phrase(n)).toBytes();
            const auto ciphertext =
                    encrypter.encrypt(KeyGroup, sender->address, MessagePadding::pad(content));
            if (!ciphertext)
                die(u"encrypt failed"_s);
            const auto padded = decrypter.decrypt(KeyGroup, sender->address, ciphertext.value());
            const auto plaintext = padded ? MessagePadding::unpad(padded.value()) : std::nullopt;
            if (!plaintext)
                die(u"decrypt failed"_s);
            const auto decoded = MessageContent::fromBytes(*plaintext);
            if (!decoded)
                die(u"undecodable content"_s);
            StoredMessage message;
            message.conversationId = conversation.id;
            message.seq = seq;
            message.clientId = QByteArray::number(n).rightJustified(16, '0');
            message.senderId = from.userId;
            message.senderDeviceId = 1;
            message.senderName = from.username;
            message.timestamp = timestamp += 1000;
            message.body = *plaintext;
            message.text = decoded->text();
            page.append(message);
            if (page.size() == PageSize || seq == m_counts.at(c)) {
                awaitFuture(m_cache.storeMessages(page, SelfDeviceId));
                page.clear();
            }
        }
        awaitFuture(m_cache.setCursor(LogCursor{conversation.id, m_counts.at(c), 1}));
        if ((c + 1) % 50 == 0)
            std::fprintf(stderr, "parley-profile-gen: %d conversations, %d messages, %.1f s\n",
                         c + 1, n, double(clock.elapsed()) / 1000.0);
    }

    return n;
}

void ProfileWriter::writeAccount(const QString &profile, const QUrl &server)
{
    const QString account = u"account/"_s;
    m_cache.setSetting(account + u"server"_s, server.toString());
    m_cache.setSetting(account + u"userId"_s, SelfUserId);
    m_cache.setSetting(account + u"username"_s, u"me"_s);
    awaitFuture(m_cache.setSetting(account + u"deviceId"_s, SelfDeviceId));
    // The token goes with the profile's secrets (a new secrets file, its key in the keychain);
    // they answer through this thread's event loop.
    Keychain keychain(profile);
    ProfileSecrets secrets(&keychain);
    QEventLoop opened;
    QObject::connect(&secrets, &ProfileSecrets::stateChanged, &opened, &QEventLoop::quit);
    secrets.open(ProfilePaths::dataDir(profile));
    if (secrets.state() == ProfileSecrets::State::Opening)
        opened.exec();
    if (secrets.state() != ProfileSecrets::State::Ready || secrets.isSessionOnly())
        die(u"cannot keep the profile's secrets: no usable keychain"_s);
    const Status written =
            awaitFuture(secrets.writeToken(serverKey(server), "profile-gen-token")).result();
    if (!written)
        die(u"cannot write the token: %1"_s.arg(written.error().message));
}

} // namespace Parley::ProfileGen
