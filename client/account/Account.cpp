#include "Account.h"

#include "Logging.h"
#include "net/Connection.h"
#include "net/ServerAddress.h"
#include "platform/ProfileSecrets.h"
#include "store/MessageStore.h"

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

const QString AccountPrefix = u"account/"_s;

} // namespace

Account::Account(Connection *connection, MessageStore *store, ProfileSecrets *secrets,
                 QObject *parent)
    : QObject(parent),
      m_connection(connection),
      m_store(store),
      m_secrets(secrets)
{
    connect(m_connection, &Connection::welcomed, this, &Account::onWelcomed);
    connect(m_connection, &Connection::connectionLost, this, [this](const QString &reason) {
        if (m_authenticating)
            fail(Error{ErrorCode::Unavailable, reason});
    });
    connect(m_connection, &Connection::certificateChanged, this, [this] {
        if (m_authenticating)
            fail(Error{ErrorCode::Unavailable, tr("The server's certificate has changed.")});
    });
    connect(m_connection, &Connection::authenticationFailed, this, &Account::onTokenRefused);
}

void Account::onTokenRefused(const Error &error, bool whileConnected)
{
    qCWarning(lcClientAccount) << "the server refused this device's token:"
                               << errorCodeName(error.code);
    // The token is of no use any more; everything else stays until the user says otherwise.
    m_secrets->deleteToken(serverKey(m_serverUrl));
    if (error.code == ErrorCode::AccountDisabled)
        setSignOut(States::SignOut::AccountDisabled);
    else if (whileConnected)
        setSignOut(States::SignOut::DeviceRemoved);
    else
        setSignOut(States::SignOut::UnknownDevice);
}

void Account::setSignOut(States::SignOut reason)
{
    if (reason == m_signOut)
        return;
    m_signOut = reason;
    if (reason == States::SignOut::NotSignedOut)
        m_store->removeSetting(AccountPrefix + u"signedOut"_s);
    else
        m_store->setSetting(AccountPrefix + u"signedOut"_s, int(reason));
    Q_EMIT signOutChanged();
}

void Account::restore()
{
    m_store->settings(AccountPrefix).then(this, [this](const QVariantMap &settings) {
        const QUrl url = QUrl(settings.value(u"server"_s).toString());
        m_serverUrl = url;
        m_userId = settings.value(u"userId"_s).toLongLong();
        m_username = settings.value(u"username"_s).toString();
        m_deviceId = settings.value(u"deviceId"_s).toLongLong();
        m_cacheOwner = m_userId;
        m_cacheOwnerName = m_username;
        if (!url.isValid() || m_userId == 0 || m_deviceId == 0) {
            // No login, or logged out with the history kept for the next one.
            m_username.clear();
            m_deviceId = 0;
            m_userId = 0;
            Q_EMIT restored(false);
            return;
        }
        const int signOut = settings.value(u"signedOut"_s).toInt();
        if (signOut > 0 && signOut <= int(States::SignOut::UnknownDevice)) {
            // Signed out earlier: show the history, keep the outbox, wait for a new login.
            qCInfo(lcClientAccount) << "user" << m_userId << "is signed out";
            m_signOut = States::SignOut(signOut);
            m_connection->setServerUrl(url);
            Q_EMIT identityChanged();
            Q_EMIT signOutChanged();
            Q_EMIT restored(true);
            return;
        }
        qCInfo(lcClientAccount) << "restoring user" << m_userId << "device" << m_deviceId << "on"
                                << serverKey(url);
        m_secrets->readToken(serverKey(url))
                .then(this, [this, url](const Result<QByteArray> &token) {
                    if (!token) {
                        setKeychainProblem(token.error().message);
                        clearIdentity();
                        Q_EMIT restored(false);
                        return;
                    }
                    if (token->isEmpty()) {
                        qCInfo(lcClientAccount) << "no token in the keychain: logged out";
                        clearIdentity();
                        Q_EMIT restored(false);
                        return;
                    }
                    m_store->setting(u"pin/"_s + serverKey(url))
                            .then(this, [this, url, token](const QVariant &pin) {
                                m_connection->setServerUrl(url);
                                m_connection->setPinnedFingerprint(pin.toString());
                                m_connection->setToken(*token);
                                Q_EMIT identityChanged();
                                Q_EMIT restored(true);
                            });
                });
    });
}

void Account::authenticate(Mode mode, const QUrl &server, const QString &username,
                           const QString &password, const QString &deviceName)
{
    m_authenticating = true;
    m_mode = mode;
    m_pendingUsername = username;
    m_pendingPassword = password;
    m_deviceName = deviceName;
    m_connection->close();
    m_store->setting(u"pin/"_s + serverKey(server)).then(this, [this, server](const QVariant &pin) {
        if (!m_authenticating)
            return;
        m_connection->setServerUrl(server);
        m_connection->setPinnedFingerprint(pin.toString());
        m_connection->setToken({});
        m_connection->open();
    });
}

void Account::onWelcomed()
{
    if (!m_authenticating)
        return;
    auto onReply = [this](const Result<RawFrame> &reply) {
        if (!m_authenticating)
            return;
        auto frame = reply ? FrameCodec::read<AuthenticatedFrame>(*reply)
                           : Result<AuthenticatedFrame>(reply.error());
        if (!frame) {
            qCInfo(lcClientAccount)
                    << "authentication refused:" << errorCodeName(frame.error().code);
            fail(frame.error());
            return;
        }
        onAuthenticated(*frame);
    };
    const QString password = std::exchange(m_pendingPassword, {});
    if (m_mode == Mode::Register)
        m_connection->request(RegisterFrame{m_pendingUsername, password, m_deviceName})
                .then(this, onReply);
    else
        m_connection->request(LoginFrame{m_pendingUsername, password, m_deviceName})
                .then(this, onReply);
}

void Account::onAuthenticated(const AuthenticatedFrame &frame)
{
    const QUrl url = m_connection->serverUrl();
    const bool sameAccount = url == m_serverUrl && frame.userId == m_cacheOwner;
    if (!sameAccount)
        m_store->wipeAccountData(); // another account's cache must not show
    m_cacheOwner = frame.userId;
    m_cacheOwnerName = frame.username;
    m_serverUrl = url;
    m_userId = frame.userId;
    m_username = frame.username;
    m_deviceId = frame.deviceId;
    setSignOut(States::SignOut::NotSignedOut);
    qCInfo(lcClientAccount) << "authenticated as user" << m_userId << "device" << m_deviceId;
    m_store->setSetting(AccountPrefix + u"server"_s, url.toString());
    m_store->setSetting(AccountPrefix + u"userId"_s, m_userId);
    m_store->setSetting(AccountPrefix + u"username"_s, m_username);
    m_store->setSetting(AccountPrefix + u"deviceId"_s, m_deviceId);
    m_secrets->writeToken(serverKey(url), frame.token).then(this, [this](const Status &status) {
        if (!status)
            setKeychainProblem(status.error().message);
    });
    Q_EMIT identityChanged();
    m_authenticating = false;
    m_connection->setAuthenticated(frame);
    Q_EMIT authenticated();
}

void Account::fail(const Error &error)
{
    m_authenticating = false;
    m_pendingPassword.clear();
    m_connection->close();
    Q_EMIT failed(error);
}

void Account::logout(Leave leave)
{
    m_authenticating = false;
    const QUrl url = m_serverUrl;
    auto finish = [this, url, leave] {
        m_connection->close();
        m_connection->setToken({});
        m_secrets->deleteToken(serverKey(url));
        clearIdentity();
        setSignOut(States::SignOut::NotSignedOut);
        if (leave == Leave::KeepHistory) {
            // account/server and account/userId stay: they say whose history this is.
            m_store->removeSetting(AccountPrefix + u"deviceId"_s).then(this, [this] {
                Q_EMIT loggedOut(false);
            });
            return;
        }
        m_cacheOwner = 0;
        m_cacheOwnerName.clear();
        m_store->wipeAccountData().then(this, [this] { Q_EMIT loggedOut(true); });
    };
    if (m_connection->isReady())
        m_connection->request(LogoutFrame{}).then(this, [finish](const Result<RawFrame> &) {
            finish();
        });
    else
        finish();
}

bool Account::keepsHistoryOfAnother(const QUrl &server, const QString &username) const
{
    if (m_cacheOwner == 0)
        return false;
    return serverKey(server) != serverKey(m_serverUrl)
            || username.compare(m_cacheOwnerName, Qt::CaseInsensitive) != 0;
}

QString Account::keptHistoryOwner() const
{
    if (m_cacheOwner == 0)
        return {};
    return tr("%1 on %2").arg(m_cacheOwnerName, serverKey(m_serverUrl));
}

void Account::cancel(const Error &error)
{
    if (m_authenticating)
        fail(error);
}

void Account::continueWithoutKeychain()
{
    setKeychainProblem({});
}

void Account::setKeychainProblem(const QString &problem)
{
    if (problem == m_keychainProblem)
        return;
    m_keychainProblem = problem;
    Q_EMIT keychainProblemChanged();
}

void Account::clearIdentity()
{
    m_userId = 0;
    m_username.clear();
    m_deviceId = 0;
    Q_EMIT identityChanged();
}

} // namespace Parley
