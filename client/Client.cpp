#include "Client.h"

#include "moderation/AbuseReporter.h"

#include "Logging.h"
#include "account/Account.h"
#include "account/OwnDevices.h"
#include "attachments/Attachments.h"
#include "backup/HistoryBackup.h"
#include "chat/ConversationFeed.h"
#include "chat/ConversationStarter.h"
#include "chat/MessageExpiry.h"
#include "chat/NewMessageNotifier.h"
#include "chat/StateText.h"
#include "contacts/BlockList.h"
#include "contacts/LastSeenPrivacy.h"
#include "contacts/ProfileSharing.h"
#include "contacts/Profiles.h"
#include "content/ProfilePicture.h"
#include "content/RecentEmoji.h"
#include "e2ee/EndToEndEncryption.h"
#include "e2ee/SenderKeyContentCipher.h"
#include "net/Connection.h"
#include "net/PushDispatcher.h"
#include "net/ServerAddress.h"
#include "outbox/Outbox.h"
#include "platform/Keychain.h"
#include "platform/LanguageSwitcher.h"
#include "platform/LinkOpener.h"
#include "platform/Notifier.h"
#include "platform/ProfileLock.h"
#include "platform/ProfilePaths.h"
#include "platform/ProfileSecrets.h"
#include "search/CacheSearch.h"
#include "store/CacheUnlock.h"
#include "store/MessageStore.h"
#include "sync/SyncEngine.h"
#include "sync/TypingTracker.h"

#include <QtCore/QDir>
#include <QtNetwork/QHostInfo>

#include <algorithm>

namespace Parley {

using namespace Qt::StringLiterals;

Client::Client(ClientOptions options, std::unique_ptr<ContentCipher> cipher, QObject *parent)
    : QObject(parent),
      m_options(std::move(options)),
      m_cipher(cipher ? std::move(cipher) : std::make_unique<SenderKeyContentCipher>()),
      m_store(new MessageStore(this)),
      m_connection(new Connection(this)),
      m_pushes(new PushDispatcher(m_connection, this)),
      m_keychain(new Keychain(m_options.profile, this)),
      m_secrets(new ProfileSecrets(m_keychain, this)),
      m_profileLock(new ProfileLock(m_secrets, this)),
      m_account(new Account(m_connection, m_store, m_secrets, this)),
      m_sync(new SyncEngine(m_connection, m_pushes, m_store, m_cipher.get(), this)),
      m_outbox(new Outbox(m_connection, m_store, m_cipher.get(), this)),
      m_notifier(new Notifier(this)),
      m_blockList(new BlockList(m_connection, m_pushes, this)),
      m_attachments(new Attachments(m_connection, m_store, m_outbox, this)),
      m_starter(new ConversationStarter(m_connection, this)),
      m_conversations(new ConversationListModel(this)),
      m_contacts(new ContactListModel(m_conversations, this)),
      m_feed(new ConversationFeed(m_store, m_sync, m_account, m_conversations, this)),
      m_newMessages(new NewMessageNotifier(m_notifier, m_account, m_conversations, this)),
      m_languages(new LanguageSwitcher(this)),
      m_devices(new DeviceListModel(this)),
      m_searchResults(new SearchResultModel(m_store, m_conversations, this)),
      m_outboxList(new OutboxListModel(m_outbox, m_connection, m_conversations, this)),
      m_recentEmoji(new RecentEmoji(m_store, this)),
      m_emoji(new EmojiModel(m_recentEmoji, this)),
      m_reporter(new AbuseReporter(m_connection, m_store, this)),
      m_expiry(new MessageExpiry(m_store, this)),
      m_linkOpener(std::make_unique<DesktopLinkOpener>()),
      m_lastSeenPrivacy(new LastSeenPrivacy(m_connection, m_pushes, m_store, this)),
      m_backup(new HistoryBackup(m_store, m_secrets, m_account, this))
{
    m_newMessages->setEnabled(m_options.notifications);
    // Display names and pictures: kept from the `profile` entries the cache stores, mine sent
    // with my messages.
    m_profiles = new Profiles(m_store, this);
    // This user's devices, and the ones to announce (a login elsewhere).
    m_ownDevices = new OwnDevices(m_connection, m_pushes, m_store, m_devices, this);
    connect(m_ownDevices, &OwnDevices::newDevicesChanged, this, &Client::newDevicesChanged);
    connect(m_ownDevices, &OwnDevices::failed, this, &Client::setError);
    m_profileSharing = new ProfileSharing(m_store, m_outbox, m_profiles, m_conversations, this);
    m_conversations->setProfiles(m_profiles);
    m_contacts->setProfiles(m_profiles);
    m_newMessages->setProfiles(m_profiles);
    connect(m_profiles, &Profiles::changed, this, [this](qint64 userId) {
        if (userId == m_account->userId())
            Q_EMIT ownProfileChanged();
    });
    // The system's language from the first string on; one chosen in Settings once the cache
    // is open (start()).
    m_languages->setLanguage({});

    // End-to-end encryption: the sender-key cipher works through it (client/e2ee).
    if (auto *senderKeys = dynamic_cast<SenderKeyContentCipher *>(m_cipher.get())) {
        m_e2ee = new EndToEndEncryption(m_store, m_connection, m_pushes, m_secrets, m_sync, this);
        senderKeys->attach(m_e2ee);
        connect(m_e2ee, &EndToEndEncryption::errorOccurred, this, &Client::setError);
        // A late decryption goes the way of a stored entry: a reply, reaction, edit or delete
        // means what it says whenever it becomes readable (messagesChanged carries the rows).
        connect(m_e2ee, &EndToEndEncryption::messagesUpdated, this,
                [this](qint64 conversationId, const QList<StoredMessage> &messages) {
                    QList<qint64> seqs;
                    for (const StoredMessage &m : messages)
                        seqs.append(m.seq);
                    m_store->reconcile(conversationId, seqs);
                });
    }

    connect(m_starter, &ConversationStarter::started, m_feed, &ConversationFeed::open);
    connect(m_feed, &ConversationFeed::opened, this, &Client::conversationOpened);
    connect(m_starter, &ConversationStarter::failed, this, &Client::setError);

    // The block list fetches itself on every authentication.
    connect(m_blockList, &BlockList::changed, this, &Client::blockedUsersChanged);
    connect(m_blockList, &BlockList::errorOccurred, this, &Client::setError);

    // Account and connection.
    connect(m_account, &Account::restored, this, &Client::onRestored);
    connect(m_account, &Account::authenticated, this, [this] {
        clearError();
        Q_EMIT busyChanged();
        onLoggedIn();
    });
    connect(m_account, &Account::failed, this, [this](const Error &error) {
        Q_EMIT busyChanged();
        if (!m_account->isLoggedIn() && m_state != State::LoggedOut)
            onLoggedOut(false);
        if (!m_demoTried && !m_options.demoLogin.isEmpty()
            && error.code == ErrorCode::InvalidCredentials) {
            tryDemoLogin(true);
            return;
        }
        setError(error);
        updateState();
    });
    connect(m_account, &Account::loggedOut, this, &Client::onLoggedOut);
    connect(m_account, &Account::keychainProblemChanged, this, &Client::keychainProblemChanged);
    // A passphrase now keeps what the keychain could not: nothing left to warn about.
    connect(m_secrets, &ProfileSecrets::protectionChanged, this, [this] {
        if (!m_secrets->isSessionOnly() && !m_account->keychainProblem().isEmpty())
            m_account->continueWithoutKeychain();
    });
    connect(m_account, &Account::signOutChanged, this, [this] {
        if (m_e2ee && m_account->isSignedOut())
            m_e2ee->stop(false); // the keys stay on disk; a new login is a new device
        Q_EMIT signOutReasonChanged();
        updateState();
    });
    connect(m_account, &Account::identityChanged, this, [this] {
        m_sync->setIdentity(m_account->userId(), m_account->deviceId());
        m_outbox->setIdentity(m_account->userId(), m_account->deviceId());
        m_conversations->setSelfUserId(m_account->userId());
        m_contacts->setSelfUserId(m_account->userId());
        Q_EMIT identityChanged();
        Q_EMIT serverUrlChanged();
    });
    connect(m_connection, &Connection::stateChanged, this, &Client::updateState);
    connect(m_connection, &Connection::authenticated, this, [this] {
        m_connectFailed = false;
        m_ownDevices->refresh();
        updateState();
    });
    connect(m_connection, &Connection::connectionLost, this, [this] {
        m_connectFailed = true;
        updateState();
    });
    connect(m_connection, &Connection::welcomed, this, [this](const WelcomeFrame &welcome) {
        if (welcome.registrationOpen != m_registrationOpen) {
            m_registrationOpen = welcome.registrationOpen;
            Q_EMIT registrationOpenChanged();
        }
    });
    connect(m_connection, &Connection::certificatePinned, this, [this](const QString &fingerprint) {
        m_store->setSetting(u"pin/"_s + serverKey(m_connection->serverUrl()), fingerprint);
    });
    m_connection->setAskBeforePinning(m_options.askBeforePinning);
    connect(m_connection, &Connection::certificateToApprove, this,
            [this](const QString &presented) {
                m_certificateToApprove = presented;
                Q_EMIT certificateToApproveChanged();
            });
    connect(m_connection, &Connection::certificateChanged, this,
            [this](const QString &pinned, const QString &presented) {
                m_presentedFingerprint = presented;
                m_connectFailed = true;
                setCertificateProblem(
                        tr("The server's certificate has changed since you first connected. This "
                           "can "
                           "mean someone is intercepting the connection, or the server got a new "
                           "certificate. Compare the fingerprint with the server's administrator "
                           "before you accept it.\nPinned:    %1\nPresented: %2")
                                .arg(pinned, presented));
                updateState();
            });

    connectPieces();
    connectBackup();
    start();
}

Client::~Client()
{
    // Models and pieces go with their parent; the store finishes what was asked of it first.
    m_connection->disconnect(this);
    m_connection->close();
}

void Client::start()
{
    if (!ProfilePaths::isValidProfileName(m_options.profile)) {
        setError(Error{ErrorCode::InvalidArgument,
                       tr("\"%1\" is not a valid profile name.").arg(m_options.profile)});
        m_started = true;
        Q_EMIT started();
        return;
    }
    m_dataDir = m_options.dataDir.isEmpty() ? ProfilePaths::dataDir(m_options.profile)
                                            : m_options.dataDir;
    if (!QDir().mkpath(m_dataDir)) {
        setError(Error{ErrorCode::StorageError,
                       tr("Cannot create the data folder %1.").arg(m_dataDir)});
        m_started = true;
        Q_EMIT started();
        return;
    }
    qCInfo(lcClient) << "profile" << m_options.profile << "data in" << m_dataDir;
    m_attachments->setDownloadsDir(ProfilePaths::downloadsDir(m_options.dataDir));
    m_expiry->setDownloadsDir(m_attachments->downloadsDir());
    m_attachments->setUploadsDir(QDir(m_dataDir).filePath(u"uploads"_s));
    // The profile's secrets first (keychain, passphrase or recovery key): the cache's key is
    // one of them. A locked profile waits for the user (profileLock).
    connect(m_secrets, &ProfileSecrets::stateChanged, this, [this](ProfileSecrets::State state) {
        if (state == ProfileSecrets::State::Ready && !m_cacheUnlocking) {
            m_cacheUnlocking = true;
            unlockCache();
        } else if (state == ProfileSecrets::State::Failed) {
            setError(Error{ErrorCode::StorageError, m_secrets->errorString()});
            m_started = true;
            Q_EMIT started();
        }
    });
    m_secrets->open(m_dataDir);
}

void Client::unlockCache()
{
    // The cache is sealed with a key among the profile's secrets (CacheUnlock, SealedCache).
    const QString cacheFile = ProfilePaths::cacheFile(m_dataDir);
    CacheUnlock::unlock(m_secrets, cacheFile, this)
            .then(this, [this, cacheFile](const Result<CacheKey> &key) {
                if (!key) {
                    qCCritical(lcClient) << "cannot unlock the cache:" << key.error().message;
                    setError(Error{ErrorCode::StorageError,
                                   tr("Cannot open the local cache: %1").arg(key.error().message)});
                    m_started = true;
                    Q_EMIT started();
                    return;
                }
                if (key->sessionOnly)
                    m_account->reportKeychainProblem(
                            tr("No system keychain is available, so what Parley keeps on this "
                               "computer lasts only until you quit, unless you protect it with "
                               "a passphrase."));
                openCache(cacheFile, *key);
            });
}

void Client::openCache(const QString &cacheFile, const CacheKey &key)
{
    m_store->open(cacheFile, key).then(this, [this](const Status &status) {
        if (!status) {
            qCCritical(lcClient) << "cannot open the cache:" << status.error().message;
            setError(Error{ErrorCode::StorageError,
                           tr("Cannot open the local cache: %1").arg(status.error().message)});
            m_started = true;
            Q_EMIT started();
            return;
        }
        m_store->setting(u"language"_s).then(this, [this](const QVariant &language) {
            m_languages->setLanguage(language.toString());
        });
        m_account->restore();
    });
}

void Client::onRestored(bool loggedIn)
{
    m_recentEmoji->load();
    m_lastSeenPrivacy->load();
    m_backup->load();
    m_store->setting(u"notifications/showText"_s).then(this, [this](const QVariant &shows) {
        if (shows.isValid())
            setNotificationsShowText(shows.toBool());
    });
    m_store->setting(u"window/keepRunningInTray"_s).then(this, [this](const QVariant &keeps) {
        if (keeps.isValid())
            setKeepRunningInTray(keeps.toBool());
    });
    m_store->setting(u"notifications"_s).then(this, [this, loggedIn](const QVariant &enabled) {
        if (enabled.isValid() && enabled.toBool() != m_newMessages->isEnabled()) {
            m_newMessages->setEnabled(enabled.toBool());
            Q_EMIT notificationsEnabledChanged();
        }
        if (loggedIn) {
            onLoggedIn();
            if (!m_account->isSignedOut())
                m_connection->open();
        } else if (!m_options.demoLogin.isEmpty()) {
            tryDemoLogin(false);
        }
        updateState();
        m_started = true;
        Q_EMIT started();
    });
}

void Client::tryDemoLogin(bool registerFirst)
{
    const qsizetype colon = m_options.demoLogin.indexOf(u':');
    if (colon <= 0) {
        setError(Error{ErrorCode::InvalidArgument, tr("--demo-login takes USER:PASSWORD.")});
        return;
    }
    const QString user = m_options.demoLogin.left(colon);
    const QString password = m_options.demoLogin.mid(colon + 1);
    if (registerFirst) {
        m_demoTried = true;
        registerAccount(m_options.serverUrl, user, password);
    } else {
        login(m_options.serverUrl, user, password);
    }
}

void Client::onLoggedIn()
{
    // Start from the cache: the conversation list and pending messages show before (and
    // without) any network.
    m_sync->setIdentity(m_account->userId(), m_account->deviceId());
    m_outbox->setIdentity(m_account->userId(), m_account->deviceId());
    m_conversations->setSelfUserId(m_account->userId());
    m_contacts->setSelfUserId(m_account->userId());
    if (m_e2ee && !m_account->isSignedOut())
        m_e2ee->start(m_account->userId(), m_account->deviceId());
    m_profiles->load();
    m_profileSharing->start(m_account->userId());
    if (!m_outbox->isLoaded())
        m_outbox->load();
    m_attachments->load();
    m_sync->loadCursors();
    m_expiry->start();
    m_feed->refreshAll();
    updateState();
}

void Client::onLoggedOut(bool erased)
{
    if (m_e2ee)
        m_e2ee->stop(erased); // kept, the keys are of no use to the next login (a new device)
    m_sync->reset();
    m_expiry->stop();
    m_profileSharing->stop();
    m_profiles->clear();
    m_outbox->forgetBodies();
    m_outbox->reset();
    m_attachments->reset();
    if (erased) {
        m_backup->forget();
        m_attachments->eraseUploadCopies();
        m_recentEmoji->clear(); // the cache's copy went with the other settings
    }
    m_conversations->removeAll();
    m_contacts->setSelfUserId(0);
    m_devices->setDevices({});
    m_ownDevices->reset();
    setActiveChat(nullptr);
    for (const auto &chat : std::as_const(m_chats)) {
        if (chat)
            chat->deleteLater();
    }
    m_chats.clear();
    m_connectFailed = false;
    setCertificateProblem({});
    Q_EMIT blockedUsersChanged(); // blockedUsers() is empty while logged out
    updateState();
}

void Client::updateState()
{
    State state = State::LoggedOut;
    if (m_account->isAuthenticating())
        state = State::Connecting;
    else if (!m_account->isLoggedIn())
        state = State::LoggedOut;
    else if (m_account->isSignedOut())
        state = State::SignedOut;
    else if (m_connection->isReady())
        state = State::Online;
    else if (m_connectFailed || !m_certificateProblem.isEmpty())
        state = State::Offline;
    else
        state = State::Connecting;
    if (state == m_state)
        return;
    m_state = state;
    qCInfo(lcClient) << "state" << state;
    Q_EMIT stateChanged();
}

QString Client::serverUrl() const
{
    const QUrl url = m_account->serverUrl();
    if (url.isValid())
        return url.toString();
    return m_options.serverUrl;
}

void Client::setError(const Error &error)
{
    qCInfo(lcClient) << "error shown:" << errorCodeName(error.code);
    if (m_errorString != error.message) {
        m_errorString = error.message;
        Q_EMIT errorStringChanged();
    }
    Q_EMIT errorOccurred(int(error.code), error.message);
}

void Client::clearError()
{
    if (m_errorString.isEmpty())
        return;
    m_errorString.clear();
    Q_EMIT errorStringChanged();
}

void Client::setActiveChat(Chat *chat)
{
    if (chat == m_activeChat)
        return;
    m_activeChat = chat;
    m_newMessages->setActiveConversation(chat ? chat->conversationId() : 0);
    Q_EMIT activeChatChanged();
}
void Client::registerAccount(const QString &server, const QString &username,
                             const QString &password)
{
    authenticate(Account::Mode::Register, server, username, password);
}

void Client::login(const QString &server, const QString &username, const QString &password)
{
    authenticate(Account::Mode::Login, server, username, password);
}

void Client::authenticate(Account::Mode mode, const QString &server, const QString &username,
                          const QString &password)
{
    const QUrl url = serverUrlFromText(server);
    if (!url.isValid()) {
        setError(Error{ErrorCode::InvalidArgument,
                       tr("\"%1\" is not a server address.").arg(server)});
        return;
    }
    if (m_account->keepsHistoryOfAnother(url, username.trimmed())) {
        setError(Error{ErrorCode::InvalidArgument,
                       tr("This computer keeps the history of %1. Log in as that account and "
                          "choose Log out, then Erase everything, or use another profile.")
                               .arg(m_account->keptHistoryOwner())});
        return;
    }
    clearError();
    setCertificateProblem({});
    if (!std::exchange(m_certificateToApprove, {}).isEmpty())
        Q_EMIT certificateToApproveChanged();
    QString device =
            m_options.deviceName.isEmpty() ? QHostInfo::localHostName() : m_options.deviceName;
    m_account->authenticate(mode, url, username.trimmed(), password,
                            device.left(MaxDeviceNameChars));
    Q_EMIT busyChanged();
    updateState();
}

void Client::logout()
{
    m_account->logout(Account::Leave::KeepHistory);
}

void Client::logoutAndErase()
{
    m_account->logout(Account::Leave::EraseEverything);
}

void Client::signInAgain(const QString &password)
{
    if (m_account->isSignedOut())
        login(m_account->serverUrl().toString(), m_account->username(), password);
}

void Client::continueWithoutKeychain()
{
    m_account->continueWithoutKeychain();
}

Chat *Client::chat(qint64 conversationId)
{
    if (conversationId <= 0 || !m_account->isLoggedIn())
        return nullptr;
    if (auto existing = m_chats.value(conversationId))
        return existing;
    ChatParts parts;
    parts.connection = m_connection;
    parts.store = m_store;
    parts.sync = m_sync;
    parts.outbox = m_outbox;
    parts.attachments = m_attachments;
    parts.notifier = m_notifier;
    parts.conversations = m_conversations;
    parts.encryption = m_e2ee;
    parts.recentEmoji = m_recentEmoji;
    parts.reporter = m_reporter;
    parts.expiry = m_expiry;
    parts.profiles = m_profiles;
    parts.selfUserId = m_account->userId();
    auto *chat = new Chat(conversationId, parts, this);
    connect(chat, &Chat::errorOccurred, this, &Client::setError);
    connect(chat, &Chat::summaryOutdated, this,
            [this, conversationId] { m_feed->refresh(conversationId); });
    m_chats.insert(conversationId, chat);
    return chat;
}

void Client::startDirectChat(const QString &username)
{
    m_starter->startDirect(username);
}

void Client::createGroup(const QString &title, const QStringList &usernames)
{
    m_starter->createGroup(title, usernames);
}

void Client::revokeDevice(qint64 deviceId)
{
    m_connection->request(RevokeDeviceFrame{deviceId})
            .then(this, [this, deviceId](const Result<RawFrame> &reply) {
                if (!reply)
                    setError(reply.error());
                else if (m_e2ee)
                    m_e2ee->deviceRevoked(deviceId); // the others rotate what it could read
                refreshDevices();
            });
}

void Client::refreshDevices()
{
    m_ownDevices->refresh();
}

QVariantList Client::newDevices() const
{
    return m_ownDevices->newDevices();
}

void Client::acknowledgeNewDevices()
{
    m_ownDevices->acknowledge();
}

ContactSafetyNumber *Client::safetyNumber(qint64 userId)
{
    return m_e2ee ? m_e2ee->safetyNumber(userId) : nullptr;
}

void Client::acknowledgeKeyChange(qint64 userId)
{
    if (!m_e2ee)
        return;
    m_e2ee->acknowledgeKeyChange(userId).then(this, [this](const Status &status) {
        if (!status)
            setError(status.error());
    });
}

void Client::searchMessages(const QString &query)
{
    m_searchResults->setQuery(query);
}

void Client::search(const QString &text)
{
    searchCache(m_store, text, 0).then(this, [this, text](const QVariantList &results) {
        Q_EMIT searchFinished(text, results);
    });
}

} // namespace Parley
