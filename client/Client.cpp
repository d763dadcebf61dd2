#include "Client.h"

#include "Logging.h"
#include "account/Account.h"
#include "attachments/Attachments.h"
#include "contacts/BlockList.h"
#include "e2ee/EndToEndEncryption.h"
#include "e2ee/SenderKeyContentCipher.h"
#include "net/Connection.h"
#include "net/PushDispatcher.h"
#include "net/ServerAddress.h"
#include "outbox/Outbox.h"
#include "platform/Notifier.h"
#include "platform/ProfilePaths.h"
#include "platform/TokenStore.h"
#include "store/MessageStore.h"
#include "sync/SyncEngine.h"
#include "sync/TypingTracker.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtGui/QDesktopServices>
#include <QtGui/QGuiApplication>
#include <QtNetwork/QHostInfo>

namespace Parley {

using namespace Qt::StringLiterals;

Client::Client(ClientOptions options, std::unique_ptr<ContentCipher> cipher, QObject *parent)
    : QObject(parent),
      m_options(std::move(options)),
      m_cipher(cipher ? std::move(cipher) : std::make_unique<SenderKeyContentCipher>()),
      m_store(new MessageStore(this)),
      m_connection(new Connection(this)),
      m_pushes(new PushDispatcher(m_connection, this)),
      m_tokens(new TokenStore(m_options.profile, this)),
      m_account(new Account(m_connection, m_store, m_tokens, this)),
      m_sync(new SyncEngine(m_connection, m_pushes, m_store, m_cipher.get(), this)),
      m_outbox(new Outbox(m_connection, m_store, m_cipher.get(), this)),
      m_notifier(new Notifier(this)),
      m_blockList(new BlockList(m_connection, m_pushes, this)),
      m_attachments(new Attachments(m_connection, m_store, m_outbox, this)),
      m_conversations(new ConversationListModel(this)),
      m_devices(new DeviceListModel(this)),
      m_searchResults(new SearchResultModel(m_store, m_conversations, this))
{
    m_notificationsEnabled = m_options.notifications;

    // End-to-end encryption: the sender-key cipher works through it (client/e2ee).
    if (auto *senderKeys = dynamic_cast<SenderKeyContentCipher *>(m_cipher.get())) {
        m_e2ee = new EndToEndEncryption(m_store, m_connection, m_pushes, m_tokens, m_sync, this);
        senderKeys->attach(m_e2ee);
        connect(m_e2ee, &EndToEndEncryption::errorOccurred, this, &Client::setError);
        // A late decryption goes the way of a stored entry: a reply, reaction, edit or delete
        // means what it says whenever it becomes readable.
        connect(m_e2ee, &EndToEndEncryption::messagesUpdated, this,
                [this](qint64 conversationId, const QList<StoredMessage> &messages) {
                    QList<qint64> seqs;
                    for (const StoredMessage &m : messages)
                        seqs.append(m.seq);
                    m_store->reconcile(conversationId, seqs)
                            .then(this, [this, conversationId](const QList<StoredMessage> &rows) {
                                onMessagesChanged(conversationId, rows);
                            });
                });
    }

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
            onLoggedOut();
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
    connect(m_account, &Account::identityChanged, this, [this] {
        m_sync->setIdentity(m_account->userId(), m_account->deviceId());
        m_outbox->setIdentity(m_account->userId(), m_account->deviceId());
        m_conversations->setSelfUserId(m_account->userId());
        Q_EMIT identityChanged();
        Q_EMIT serverUrlChanged();
    });
    connect(m_connection, &Connection::stateChanged, this, &Client::updateState);
    connect(m_connection, &Connection::authenticated, this, [this] {
        m_connectFailed = false;
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

    // Sync engine and outbox → models.
    connect(m_sync, &SyncEngine::synced, this, [this] {
        for (const auto &model : std::as_const(m_messageModels)) {
            if (model)
                model->setServerReachable();
        }
        if (m_connection->welcome().registrationOpen != m_registrationOpen) {
            m_registrationOpen = m_connection->welcome().registrationOpen;
            Q_EMIT registrationOpenChanged();
        }
    });
    connect(m_sync, &SyncEngine::conversationChanged, this, &Client::refreshConversation);
    connect(m_store, &MessageStore::messagesChanged, this, &Client::onMessagesChanged);
    connect(m_sync, &SyncEngine::messagesStored, this, &Client::onMessagesStored);
    connect(m_sync, &SyncEngine::olderMessagesStored, this,
            [this](qint64 id, const QList<StoredMessage> &messages, bool more) {
                if (auto model = m_messageModels.value(id))
                    model->addOlderMessages(messages, more);
            });
    connect(m_sync, &SyncEngine::presenceChanged, this, &Client::onPresenceChanged);
    connect(m_sync->typing(), &TypingTracker::typingChanged, this, &Client::onTypingChanged);
    connect(m_outbox, &Outbox::entrySent, m_sync, &SyncEngine::messageSent);
    connect(m_outbox, &Outbox::entryQueued, this, [this](const StoredMessage &message) {
        const QByteArray upload = m_attachments->takeUploadOf(message.clientId);
        if (auto model = m_messageModels.value(message.conversationId)) {
            if (upload.isEmpty())
                model->addPending(message);
            else
                model->replaceUpload(upload, message);
        }
        refreshConversation(message.conversationId);
    });
    connect(m_outbox, &Outbox::entryChanged, this, [this](const StoredMessage &message) {
        if (auto model = m_messageModels.value(message.conversationId))
            model->updatePending(message);
    });
    // The ack: the entry leaves the outbox and becomes the log entry; the log tells the outbox
    // about own entries it got another way (a sync after a lost ack).
    connect(m_outbox, &Outbox::acknowledged, m_sync, &SyncEngine::ingestOwnMessage);
    connect(m_sync, &SyncEngine::ownEntriesStored, m_outbox, &Outbox::forget);

    connectAttachments();
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
    m_store->open(ProfilePaths::cacheFile(m_dataDir)).then(this, [this](const Status &status) {
        if (!status) {
            qCCritical(lcClient) << "cannot open the cache:" << status.error().message;
            setError(Error{ErrorCode::StorageError,
                           tr("Cannot open the local cache: %1").arg(status.error().message)});
            m_started = true;
            Q_EMIT started();
            return;
        }
        m_account->restore();
    });
}

void Client::onRestored(bool loggedIn)
{
    m_store->setting(u"notifications"_s).then(this, [this, loggedIn](const QVariant &enabled) {
        if (enabled.isValid() && enabled.toBool() != m_notificationsEnabled) {
            m_notificationsEnabled = enabled.toBool();
            Q_EMIT notificationsEnabledChanged();
        }
        if (loggedIn) {
            onLoggedIn();
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
    if (m_e2ee)
        m_e2ee->start(m_account->userId(), m_account->deviceId());
    if (!m_outbox->isLoaded())
        m_outbox->load();
    m_sync->loadCursors();
    refreshAllConversations();
    updateState();
}

void Client::onLoggedOut()
{
    if (m_e2ee)
        m_e2ee->stop(true); // this device's keys go with its login
    m_sync->reset();
    m_outbox->reset();
    m_attachments->reset();
    m_conversations->removeAll();
    m_devices->setDevices({});
    for (const auto &model : std::as_const(m_messageModels)) {
        if (model)
            model->deleteLater();
    }
    for (const auto &model : std::as_const(m_memberModels)) {
        if (model)
            model->deleteLater();
    }
    m_messageModels.clear();
    m_memberModels.clear();
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

qint64 Client::userId() const
{
    return m_account->userId();
}

QString Client::username() const
{
    return m_account->username();
}

qint64 Client::deviceId() const
{
    return m_account->deviceId();
}

bool Client::isBusy() const
{
    return m_account->isAuthenticating();
}

QString Client::keychainProblem() const
{
    return m_account->keychainProblem();
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

void Client::setCertificateProblem(const QString &problem)
{
    if (problem == m_certificateProblem)
        return;
    m_certificateProblem = problem;
    Q_EMIT certificateProblemChanged();
}

void Client::setNotificationsEnabled(bool enabled)
{
    if (enabled == m_notificationsEnabled)
        return;
    m_notificationsEnabled = enabled;
    m_store->setSetting(u"notifications"_s, enabled);
    Q_EMIT notificationsEnabledChanged();
}

void Client::setActiveConversation(qint64 conversationId)
{
    if (conversationId == m_activeConversation)
        return;
    m_activeConversation = conversationId;
    Q_EMIT activeConversationChanged();
}

void Client::registerAccount(const QString &server, const QString &username,
                             const QString &password)
{
    const QUrl url = serverUrlFromText(server);
    if (!url.isValid()) {
        setError(Error{ErrorCode::InvalidArgument,
                       tr("\"%1\" is not a server address.").arg(server)});
        return;
    }
    clearError();
    setCertificateProblem({});
    QString device =
            m_options.deviceName.isEmpty() ? QHostInfo::localHostName() : m_options.deviceName;
    m_account->authenticate(Account::Mode::Register, url, username.trimmed(), password,
                            device.left(MaxDeviceNameChars));
    Q_EMIT busyChanged();
    updateState();
}

void Client::login(const QString &server, const QString &username, const QString &password)
{
    const QUrl url = serverUrlFromText(server);
    if (!url.isValid()) {
        setError(Error{ErrorCode::InvalidArgument,
                       tr("\"%1\" is not a server address.").arg(server)});
        return;
    }
    clearError();
    setCertificateProblem({});
    QString device =
            m_options.deviceName.isEmpty() ? QHostInfo::localHostName() : m_options.deviceName;
    m_account->authenticate(Account::Mode::Login, url, username.trimmed(), password,
                            device.left(MaxDeviceNameChars));
    Q_EMIT busyChanged();
    updateState();
}

void Client::logout()
{
    m_account->logout();
}

void Client::continueWithoutKeychain()
{
    m_account->continueWithoutKeychain();
}

void Client::acceptNewCertificate()
{
    if (m_presentedFingerprint.isEmpty())
        return;
    const QString fingerprint = std::exchange(m_presentedFingerprint, {});
    m_store->setSetting(u"pin/"_s + serverKey(m_connection->serverUrl()), fingerprint);
    m_connection->setPinnedFingerprint(fingerprint);
    setCertificateProblem({});
    if (m_account->isLoggedIn())
        m_connection->open();
    updateState();
}

MessageListModel *Client::messages(qint64 conversationId)
{
    if (auto model = m_messageModels.value(conversationId))
        return model;
    auto *model = new MessageListModel(conversationId, m_account->userId(), m_store, m_outbox,
                                       m_sync, this);
    m_messageModels.insert(conversationId, model);
    if (const ConversationSummary *summary = m_conversations->summary(conversationId)) {
        model->setConversation(*summary);
        if (model->peerUserId())
            model->setOnline(m_sync->presence(model->peerUserId()).online);
    }
    onTypingChanged(conversationId);
    // Transfers that began before the conversation was shown.
    for (const StoredMessage &upload : m_attachments->uploads(conversationId)) {
        model->addUpload(upload, m_attachments->uploadProgress(upload.clientId));
        if (upload.outboxState == OutboxState::Failed)
            model->setUploadFailed(upload.clientId, upload.failureReason);
    }
    const QHash<qint64, double> downloads = m_attachments->downloads(conversationId);
    for (auto it = downloads.cbegin(); it != downloads.cend(); ++it)
        model->setDownloadProgress(it.key(), it.value());
    return model;
}

MemberListModel *Client::members(qint64 conversationId)
{
    if (auto model = m_memberModels.value(conversationId))
        return model;
    auto *model = new MemberListModel(conversationId, m_account->userId(), this);
    m_memberModels.insert(conversationId, model);
    if (const ConversationSummary *summary = m_conversations->summary(conversationId)) {
        for (const Member &m : summary->conversation.members)
            model->setPresence(m_sync->presence(m.userId));
        model->setMembers(summary->conversation.members);
    }
    return model;
}

void Client::refreshConversation(qint64 conversationId)
{
    m_store->conversationSummary(conversationId, m_account->userId())
            .then(this, [this, conversationId](const std::optional<ConversationSummary> &summary) {
                if (!summary || !m_account->isLoggedIn())
                    return;
                m_conversations->updateSummary(*summary);
                if (auto model = m_messageModels.value(conversationId)) {
                    model->setConversation(*summary);
                    if (model->peerUserId())
                        model->setOnline(m_sync->presence(model->peerUserId()).online);
                }
                if (auto model = m_memberModels.value(conversationId))
                    model->setMembers(summary->conversation.members);
            });
}

void Client::refreshAllConversations()
{
    m_store->conversationSummaries(m_account->userId())
            .then(this, [this](const QList<ConversationSummary> &list) {
                if (!m_account->isLoggedIn())
                    return;
                m_conversations->setSummaries(list);
                for (const ConversationSummary &summary : list) {
                    if (auto model = m_messageModels.value(summary.conversation.id)) {
                        model->setConversation(summary);
                        if (model->peerUserId())
                            model->setOnline(m_sync->presence(model->peerUserId()).online);
                    }
                    if (auto model = m_memberModels.value(summary.conversation.id))
                        model->setMembers(summary.conversation.members);
                }
            });
}

void Client::onMessagesStored(qint64 conversationId, const QList<StoredMessage> &messages)
{
    if (auto model = m_messageModels.value(conversationId))
        model->addMessages(messages);
    m_attachments->ownEntriesStored(messages);
    refreshConversation(conversationId);

    // One notification per batch: the newest message from someone else.
    const StoredMessage *newest = nullptr;
    for (const StoredMessage &m : messages) {
        if (m.kind == MessageKind::Content && !m.hidden && m.senderId != m_account->userId())
            newest = &m;
    }
    if (!newest || !m_notificationsEnabled)
        return;
    const ConversationSummary *summary = m_conversations->summary(conversationId);
    if (summary && summary->muted)
        return;
    const auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance());
    const bool focused = app && app->applicationState() == Qt::ApplicationActive;
    if (focused && m_activeConversation == conversationId)
        return;
    const QString sender = newest->senderName;
    QString title = sender;
    if (summary && summary->conversation.kind == ConversationKind::Group)
        title = tr("%1 in %2").arg(sender, m_conversations->titleOf(*summary));
    m_notifier->notify(conversationId, title, newest->text);
}

void Client::onMessagesChanged(qint64 conversationId, const QList<StoredMessage> &rows)
{
    if (auto model = m_messageModels.value(conversationId))
        model->updateMessages(rows);
    refreshConversation(conversationId);
}

void Client::onPresenceChanged(qint64 userId)
{
    const Presence presence = m_sync->presence(userId);
    m_conversations->setPresence(presence);
    for (const auto &model : std::as_const(m_memberModels)) {
        if (model)
            model->setPresence(presence);
    }
    for (const auto &model : std::as_const(m_messageModels)) {
        if (model && model->peerUserId() == userId)
            model->setOnline(presence.online);
    }
}

void Client::onTypingChanged(qint64 conversationId)
{
    const QList<qint64> users = m_sync->typing()->typingUsers(conversationId);
    QStringList names;
    const ConversationSummary *summary = m_conversations->summary(conversationId);
    for (qint64 user : users) {
        const Member *member = summary ? summary->conversation.member(user) : nullptr;
        names.append(member ? member->username : tr("someone"));
    }
    names.sort();
    QString text;
    if (names.size() == 1)
        text = tr("%1 is typing…").arg(names.first());
    else if (names.size() == 2)
        text = tr("%1 and %2 are typing…").arg(names.at(0), names.at(1));
    else if (names.size() > 2)
        text = tr("Several people are typing…");
    m_conversations->setTypingText(conversationId, text);
    if (auto model = m_messageModels.value(conversationId))
        model->setTypingText(text);
}

void Client::findUser(const QString &username, std::function<void(qint64)> then)
{
    m_connection->request(FindUserFrame{username.trimmed().toLower()})
            .then(this, [this, then](const Result<RawFrame> &reply) {
                auto found = reply ? FrameCodec::read<UserFoundFrame>(*reply)
                                   : Result<UserFoundFrame>(reply.error());
                if (!found) {
                    setError(found.error());
                    return;
                }
                then(found->user.userId);
            });
}

void Client::openConversation(const Conversation &conversation)
{
    m_sync->applyConversation(conversation);
    const qint64 id = conversation.id;
    m_store->conversationSummary(id, m_account->userId())
            .then(this, [this, id](const std::optional<ConversationSummary> &summary) {
                if (summary)
                    m_conversations->updateSummary(*summary);
                Q_EMIT conversationOpened(id);
            });
}

void Client::startDirectChat(const QString &username)
{
    findUser(username, [this](qint64 userId) {
        m_connection->request(CreateDirectFrame{userId})
                .then(this, [this](const Result<RawFrame> &reply) {
                    auto info = reply ? FrameCodec::read<ConversationInfoFrame>(*reply)
                                      : Result<ConversationInfoFrame>(reply.error());
                    if (!info) {
                        setError(info.error());
                        return;
                    }
                    openConversation(info->conversation);
                });
    });
}

void Client::createGroup(const QString &title, const QStringList &usernames)
{
    // Resolve the names one after another, then create the group.
    auto ids = std::make_shared<QList<qint64>>();
    auto names = std::make_shared<QStringList>(usernames);
    auto step = std::make_shared<std::function<void()>>();
    *step = [this, title, ids, names, step] {
        if (names->isEmpty()) {
            m_connection->request(CreateGroupFrame{title, *ids})
                    .then(this, [this](const Result<RawFrame> &reply) {
                        auto info = reply ? FrameCodec::read<ConversationInfoFrame>(*reply)
                                          : Result<ConversationInfoFrame>(reply.error());
                        if (!info) {
                            setError(info.error());
                            return;
                        }
                        openConversation(info->conversation);
                    });
            *step = nullptr; // break the cycle
            return;
        }
        const QString next = names->takeFirst();
        findUser(next, [ids, step](qint64 userId) {
            ids->append(userId);
            if (*step)
                (*step)();
        });
    };
    (*step)();
}

void Client::simpleRequest(FrameType type, const QCborMap &fields)
{
    m_connection->request(type, fields).then(this, [this](const Result<RawFrame> &reply) {
        if (!reply)
            setError(reply.error());
    });
}

void Client::addMember(qint64 conversationId, const QString &username)
{
    findUser(username, [this, conversationId](qint64 userId) {
        const AddMemberFrame frame{conversationId, userId};
        simpleRequest(AddMemberFrame::Type, frame.toCbor());
    });
}

void Client::removeMember(qint64 conversationId, qint64 userId)
{
    const RemoveMemberFrame frame{conversationId, userId};
    simpleRequest(RemoveMemberFrame::Type, frame.toCbor());
}

void Client::setRole(qint64 conversationId, qint64 userId, const QString &role)
{
    const auto parsed = roleFromName(role);
    if (!parsed || *parsed == Role::Owner) {
        setError(Error{ErrorCode::InvalidArgument, tr("A role is \"member\" or \"admin\".")});
        return;
    }
    const SetRoleFrame frame{conversationId, userId, *parsed};
    simpleRequest(SetRoleFrame::Type, frame.toCbor());
}

void Client::rename(qint64 conversationId, const QString &title)
{
    const RenameFrame frame{conversationId, title.trimmed()};
    simpleRequest(RenameFrame::Type, frame.toCbor());
}

void Client::leave(qint64 conversationId)
{
    const LeaveFrame frame{conversationId};
    simpleRequest(LeaveFrame::Type, frame.toCbor());
}

void Client::sendText(qint64 conversationId, const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || !m_account->isLoggedIn())
        return;
    m_outbox->sendText(conversationId, trimmed);
    m_sync->setTyping(conversationId, false);
}

void Client::sendReply(qint64 conversationId, qint64 replyToSeq, const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || !m_account->isLoggedIn())
        return;
    m_outbox->send(conversationId, MessageContent::text(trimmed, replyToSeq));
    m_sync->setTyping(conversationId, false);
}

void Client::annotate(qint64 conversationId, qint64 seq, Annotating who,
                      std::function<MessageContent(const StoredMessage &)> make)
{
    if (seq <= 0 || !m_account->isLoggedIn())
        return;
    m_store->message(conversationId, seq)
            .then(this, [this, conversationId, who, make](const std::optional<StoredMessage> &m) {
                const bool usable = m && m->kind == MessageKind::Content && !m->hidden
                        && !m->deleted && !m->undecryptable;
                if (!usable) {
                    setError(Error{ErrorCode::InvalidArgument,
                                   tr("That message cannot be changed any more.")});
                    return;
                }
                if (who == Annotating::OwnMessage && m->senderId != m_account->userId()) {
                    setError(Error{ErrorCode::NotAllowed,
                                   tr("Only your own messages can be edited or deleted.")});
                    return;
                }
                // What other readers would refuse is not sent (e.g. an emoji that is too long).
                const MessageContent content = make(*m);
                if (!MessageContent::fromBytes(content.toBytes())) {
                    setError(Error{ErrorCode::InvalidArgument, tr("That cannot be sent.")});
                    return;
                }
                m_outbox->send(conversationId, content);
            });
}

void Client::react(qint64 conversationId, qint64 seq, const QString &emoji)
{
    annotate(conversationId, seq, Annotating::AnyMessage,
             [seq, emoji](const StoredMessage &) { return MessageContent::reaction(seq, emoji); });
}

void Client::unreact(qint64 conversationId, qint64 seq, const QString &emoji)
{
    annotate(conversationId, seq, Annotating::AnyMessage, [seq, emoji](const StoredMessage &) {
        return MessageContent::reaction(seq, emoji, true);
    });
}

void Client::toggleReaction(qint64 conversationId, qint64 seq, const QString &emoji)
{
    const qint64 self = m_account->userId();
    annotate(conversationId, seq, Annotating::AnyMessage,
             [seq, emoji, self](const StoredMessage &target) {
                 const bool mine = std::any_of(
                         target.reactions.cbegin(), target.reactions.cend(),
                         [&](const Reaction &r) { return r.userId == self && r.emoji == emoji; });
                 return MessageContent::reaction(seq, emoji, mine);
             });
}

void Client::editMessage(qint64 conversationId, qint64 seq, const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return;
    annotate(conversationId, seq, Annotating::OwnMessage,
             [seq, trimmed](const StoredMessage &) { return MessageContent::edit(seq, trimmed); });
}

void Client::deleteMessage(qint64 conversationId, qint64 seq)
{
    annotate(conversationId, seq, Annotating::OwnMessage,
             [seq](const StoredMessage &) { return MessageContent::deletion(seq); });
}

void Client::retry(qint64 conversationId, const QString &clientIdHex)
{
    const QByteArray clientId = QByteArray::fromHex(clientIdHex.toLatin1());
    if (m_attachments->retryUpload(clientId)) {
        if (auto model = m_messageModels.value(conversationId))
            model->setUploadFailed(clientId, {});
        return;
    }
    m_outbox->retry(clientId);
}

void Client::connectAttachments()
{
    connect(m_attachments, &Attachments::uploadProgressChanged, this,
            [this](qint64 conversationId, const QByteArray &uploadId, double progress) {
                if (auto model = m_messageModels.value(conversationId))
                    model->setUploadProgress(uploadId, progress);
            });
    connect(m_attachments, &Attachments::uploadFailed, this,
            [this](qint64 conversationId, const QByteArray &uploadId, const Error &error) {
                if (auto model = m_messageModels.value(conversationId))
                    model->setUploadFailed(uploadId, error.message);
                setError(error);
            });
    connect(m_attachments, &Attachments::downloadProgressChanged, this,
            [this](qint64 conversationId, qint64 seq, double progress) {
                if (auto model = m_messageModels.value(conversationId))
                    model->setDownloadProgress(seq, progress);
            });
    connect(m_attachments, &Attachments::downloadFinished, this,
            [this](qint64 conversationId, qint64 seq) {
                if (auto model = m_messageModels.value(conversationId))
                    model->setDownloadProgress(seq, -1);
            });
    connect(m_attachments, &Attachments::downloadFailed, this,
            [this](qint64 conversationId, qint64 seq, const Error &error) {
                if (auto model = m_messageModels.value(conversationId))
                    model->setDownloadFailed(seq);
                setError(error);
            });
}

void Client::sendFile(qint64 conversationId, const QUrl &file, const QString &caption)
{
    if (!m_account->isLoggedIn())
        return;
    // A file dialog and a drop give file URLs; C++ callers may pass a plain path.
    const QString path = file.isLocalFile() ? file.toLocalFile()
            : file.scheme().isEmpty()       ? file.path()
                                            : QString();
    if (path.isEmpty()) {
        setError(Error{
                ErrorCode::InvalidArgument,
                tr("Only files on this computer can be sent (%1).").arg(file.toDisplayString())});
        return;
    }
    auto row =
            m_attachments->sendFile(conversationId, path, caption.trimmed(), m_account->userId());
    if (!row) {
        setError(row.error());
        return;
    }
    if (auto model = m_messageModels.value(conversationId))
        model->addUpload(*row, 0.0);
}

void Client::cancelUpload(qint64 conversationId, const QString &clientIdHex)
{
    const QByteArray uploadId = QByteArray::fromHex(clientIdHex.toLatin1());
    if (!m_attachments->discardUpload(uploadId))
        return;
    if (auto model = m_messageModels.value(conversationId))
        model->removeUpload(uploadId);
}

void Client::downloadAttachment(qint64 conversationId, qint64 seq)
{
    if (seq <= 0 || !m_account->isLoggedIn() || m_attachments->isDownloading(conversationId, seq))
        return;
    m_store->message(conversationId, seq)
            .then(this, [this, conversationId, seq](const std::optional<StoredMessage> &m) {
                const auto content = m && !m->deleted ? MessageContent::fromBytes(m->body)
                                                      : Result<MessageContent>(Error{});
                if (!content || content->type() != MessageContent::Type::File) {
                    setError(Error{ErrorCode::InvalidArgument,
                                   tr("That message has no file to download.")});
                    return;
                }
                if (m_attachments->isDownloading(conversationId, seq))
                    return;
                if (auto model = m_messageModels.value(conversationId))
                    model->setDownloadProgress(seq, 0.0);
                m_attachments->download(*m, *content);
            });
}

void Client::openAttachment(qint64 conversationId, qint64 seq)
{
    m_store->message(conversationId, seq)
            .then(this, [this, conversationId, seq](const std::optional<StoredMessage> &m) {
                if (!m || m->attachmentPath.isEmpty()) {
                    setError(Error{ErrorCode::InvalidArgument,
                                   tr("That file is not on this computer: download it first.")});
                    return;
                }
                if (!QFileInfo::exists(m->attachmentPath)) {
                    // Moved or deleted since: the message offers the download again.
                    m_store->setAttachmentPath(conversationId, seq, {});
                    setError(Error{ErrorCode::InvalidArgument,
                                   tr("%1 is no longer there. Download it again.")
                                           .arg(m->attachmentPath)});
                    return;
                }
                if (!QDesktopServices::openUrl(QUrl::fromLocalFile(m->attachmentPath)))
                    setError(Error{ErrorCode::InvalidArgument,
                                   tr("No application could open %1.").arg(m->attachmentPath)});
            });
}

void Client::setTyping(qint64 conversationId, bool typing)
{
    m_sync->setTyping(conversationId, typing);
}

void Client::markRead(qint64 conversationId)
{
    m_sync->markRead(conversationId);
    m_notifier->withdraw(conversationId);
}

void Client::setMuted(qint64 conversationId, bool muted)
{
    m_store->setMuted(conversationId, muted);
    refreshConversation(conversationId);
}

QVariantList Client::blockedUsers() const
{
    QVariantList users;
    if (!m_account->isLoggedIn())
        return users;
    const QList<qint64> ids = m_blockList->users();
    for (qint64 id : ids)
        users.append(id);
    return users;
}

bool Client::isBlocked(qint64 userId) const
{
    return m_account->isLoggedIn() && m_blockList->isBlocked(userId);
}

void Client::blockUser(qint64 userId)
{
    m_blockList->block(userId).then(this, [this](const Status &status) {
        if (!status)
            setError(status.error());
    });
}

void Client::unblockUser(qint64 userId)
{
    m_blockList->unblock(userId).then(this, [this](const Status &status) {
        if (!status)
            setError(status.error());
    });
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
    m_connection->request(ListDevicesFrame{}).then(this, [this](const Result<RawFrame> &reply) {
        auto list = reply ? FrameCodec::read<DeviceListFrame>(*reply)
                          : Result<DeviceListFrame>(reply.error());
        if (!list) {
            setError(list.error());
            return;
        }
        m_devices->setDevices(list->devices);
    });
}

ConversationSecurity *Client::security(qint64 conversationId)
{
    return m_e2ee ? m_e2ee->security(conversationId) : nullptr;
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

void Client::search(const QString &text, qint64 conversationId)
{
    if (text.trimmed().isEmpty()) {
        Q_EMIT searchFinished(text, {});
        return;
    }
    m_store->search(text.trimmed(), conversationId, 100)
            .then(this, [this, text](const QList<StoredMessage> &hits) {
                QVariantList results;
                for (const StoredMessage &m : hits) {
                    results.append(QVariantMap{
                            {u"conversationId"_s, m.conversationId},
                            {u"seq"_s, m.seq},
                            {u"senderName"_s, m.senderName},
                            {u"text"_s, m.text},
                            {u"timestamp"_s, QDateTime::fromMSecsSinceEpoch(m.timestamp)}});
                }
                Q_EMIT searchFinished(text, results);
            });
}

} // namespace Parley
