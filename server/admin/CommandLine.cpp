#include "CommandLine.h"

#include "AdminCommand.h"
#include "cluster/RedisUrl.h"
#include "net/TrustedProxies.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QFileInfo>
#include <QtCore/QSettings>

#include <functional>

namespace Parley {

using namespace Qt::StringLiterals;

namespace {

using Apply = std::function<bool(ServerConfig &, const QString &)>;

/// One configuration key: the same name in the INI file and as --name on the command line.
struct Key
{
    QString name;
    QString valueName; ///< empty: a flag on the command line, true/false in the file
    QString help;
    Apply apply;
    /// A list: repeated on the command line, comma-separated in the file; applied once with
    /// every value joined by commas.
    bool repeatable = false;
};

bool toInt(const QString &text, int min, int max, int &out)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v < min || v > max)
        return false;
    out = v;
    return true;
}

Apply intKey(int ServerConfig::*member, int min, int max)
{
    return [=](ServerConfig &c, const QString &v) { return toInt(v, min, max, c.*member); };
}

bool toBool(const QString &text, bool &out)
{
    const QString t = text.trimmed().toLower();
    if (t == "true"_L1 || t == "1"_L1 || t == "yes"_L1 || t == "on"_L1 || t.isEmpty()) {
        out = true;
        return true;
    }
    if (t == "false"_L1 || t == "0"_L1 || t == "no"_L1 || t == "off"_L1) {
        out = false;
        return true;
    }
    return false;
}

bool parseHostPort(const QString &value, QString &host, quint16 &port)
{
    const qsizetype colon = value.lastIndexOf(u':');
    if (colon <= 0)
        return false;
    QString h = value.left(colon);
    if (h.startsWith(u'[') && h.endsWith(u']'))
        h = h.mid(1, h.size() - 2);
    bool ok = false;
    const uint p = value.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535)
        return false;
    host = h;
    port = quint16(p);
    return true;
}

bool applyListen(ServerConfig &c, const QString &value)
{
    return parseHostPort(value, c.listenHost, c.listenPort);
}

bool applyAdminListen(ServerConfig &c, const QString &value)
{
    if (value == "off"_L1) {
        c.adminListenHost.clear();
        return true;
    }
    return parseHostPort(value, c.adminListenHost, c.adminListenPort);
}

QList<Key> keys()
{
    return {
            {u"listen"_s, u"host:port"_s,
             u"Address to listen on (default 127.0.0.1:7443; port 0 picks a free one)."_s,
             applyListen},
            {u"admin-listen"_s, u"host:port|off"_s,
             u"Address of the admin listener: /metrics and /healthz (default 127.0.0.1:9464; "
             "off: none)."_s,
             applyAdminListen},
            {u"log-level"_s, u"debug|info|warning|error"_s,
             u"Log messages of this severity and above (default info)."_s,
             [](ServerConfig &c, const QString &v) {
                 const QList<std::pair<QString, QtMsgType>> levels{{u"debug"_s, QtDebugMsg},
                                                                   {u"info"_s, QtInfoMsg},
                                                                   {u"warning"_s, QtWarningMsg},
                                                                   {u"error"_s, QtCriticalMsg}};
                 for (const auto &[name, type] : levels) {
                     if (v == name) {
                         c.logLevel = type;
                         return true;
                     }
                 }
                 return false;
             }},
            {u"data-dir"_s, u"dir"_s, u"Data folder: SQLite database, generated certificate."_s,
             [](ServerConfig &c, const QString &v) {
                 c.dataDir = v;
                 return !v.isEmpty();
             }},
            {u"database"_s, u"url"_s,
             u"postgresql://user:pass@host:port/db (default: SQLite in the data folder)."_s,
             [](ServerConfig &c, const QString &v) {
                 c.database = v;
                 return true;
             }},
            {u"redis"_s, u"url"_s,
             u"redis://host:port[/db]: run as one node of a cluster (needs --database "
             u"postgresql://…)."_s,
             [](ServerConfig &c, const QString &v) {
                 c.redis = v;
                 return true;
             }},
            {u"tls-cert"_s, u"file"_s,
             u"TLS certificate chain (PEM). Default: a generated self-signed one."_s,
             [](ServerConfig &c, const QString &v) {
                 c.tlsCert = v;
                 return true;
             }},
            {u"tls-key"_s, u"file"_s, u"TLS private key (PEM)."_s,
             [](ServerConfig &c, const QString &v) {
                 c.tlsKey = v;
                 return true;
             }},
            {u"plain"_s, QString(), u"Serve plain ws://, only behind a TLS-terminating proxy."_s,
             [](ServerConfig &c, const QString &v) { return toBool(v, c.plain); }},
            {u"transport"_s, u"native|qt"_s,
             u"WebSocket transport: native (one shared TLS context, default) or qt "
             "(QWebSocketServer)."_s,
             [](ServerConfig &c, const QString &v) {
                 if (v == "native"_L1)
                     c.transport = Transport::Native;
                 else if (v == "qt"_L1)
                     c.transport = Transport::Qt;
                 else
                     return false;
                 return true;
             }},
            {u"trusted-proxy"_s, u"addr[/prefix]"_s,
             u"A proxy whose PROXY header or X-Forwarded-For names the client (repeatable)."_s,
             [](ServerConfig &c, const QString &v) {
                 TrustedProxies check;
                 c.trustedProxies.clear();
                 for (const QString &network : v.split(u',', Qt::SkipEmptyParts)) {
                     if (!check.add(network))
                         return false;
                     c.trustedProxies << network.trimmed();
                 }
                 return !c.trustedProxies.isEmpty();
             },
             true},
            {u"proxy-protocol"_s, QString(),
             u"Connections from a trusted proxy start with a PROXY v2 header (HAProxy "
             "send-proxy-v2); refused without one."_s,
             [](ServerConfig &c, const QString &v) { return toBool(v, c.proxyProtocol); }},
            {u"registration"_s, u"open|closed"_s,
             u"Whether clients may register accounts (default open)."_s,
             [](ServerConfig &c, const QString &v) {
                 if (v != "open"_L1 && v != "closed"_L1)
                     return false;
                 c.registrationOpen = v == "open"_L1;
                 return true;
             }},
            {u"workers"_s, u"n"_s, u"I/O threads (default: one per core)."_s,
             intKey(&ServerConfig::workers, 0, 256)},
            {u"heartbeat"_s, u"seconds"_s, u"Heartbeat interval told to clients (default 30)."_s,
             intKey(&ServerConfig::heartbeatSeconds, 1, 3600)},
            {u"auth-timeout"_s, u"seconds"_s,
             u"Time allowed for hello and authentication (default 10)."_s,
             intKey(&ServerConfig::authTimeoutSeconds, 1, 600)},
            {u"rate-limit"_s, u"per-second"_s, u"Frames per second per connection (default 50)."_s,
             intKey(&ServerConfig::rateLimitPerSecond, 1, 1000000)},
            {u"rate-burst"_s, u"frames"_s, u"Burst of frames per connection (default 100)."_s,
             intKey(&ServerConfig::rateLimitBurst, 1, 1000000)},
            {u"max-devices"_s, u"n"_s, u"Devices per user (default 20)."_s,
             intKey(&ServerConfig::maxDevicesPerUser, 1, 10000)},
            {u"login-failures"_s, u"n"_s,
             u"Failed logins per username and address before slow_down (default 5)."_s,
             intKey(&ServerConfig::loginFailuresAllowed, 1, 1000)},
            {u"login-backoff"_s, u"seconds"_s,
             u"First wait after those failures, doubling per further failure up to 5 min "
             u"(default 1)."_s,
             intKey(&ServerConfig::loginBackoffSeconds, 1, 300)},
            {u"max-queued-bytes"_s, u"bytes"_s,
             u"Unsent bytes per connection before it is dropped (default 4194304)."_s,
             [](ServerConfig &c, const QString &v) {
                 bool ok = false;
                 const qint64 n = v.toLongLong(&ok);
                 if (!ok || n < 64 * 1024)
                     return false;
                 c.maxQueuedBytes = n;
                 return true;
             }},
            {u"handshake-timeout"_s, u"seconds"_s,
             u"Time allowed for the TLS and WebSocket handshakes (default 10)."_s,
             intKey(&ServerConfig::handshakeTimeoutSeconds, 1, 600)},
            {u"max-handshakes"_s, u"n"_s, u"TLS handshakes in flight (default 1024)."_s,
             intKey(&ServerConfig::maxPendingHandshakes, 1, 1000000)},
            {u"max-handshakes-per-address"_s, u"n"_s,
             u"TLS handshakes in flight per peer address (default 64)."_s,
             intKey(&ServerConfig::maxPendingHandshakesPerAddress, 1, 1000000)},
            {u"presence-delay"_s, u"ms"_s,
             u"Presence changes are coalesced this long (default 500)."_s,
             intKey(&ServerConfig::presenceDelayMs, 0, 60000)},
            {u"max-inbox-items"_s, u"n"_s,
             u"Waiting device-inbox items per device (default 10000)."_s,
             intKey(&ServerConfig::maxInboxItems, 1, 10000000)},
            {u"max-attachment-bytes"_s, u"bytes"_s,
             u"Largest attachment a client may upload (default 104857600)."_s,
             [](ServerConfig &c, const QString &v) {
                 bool ok = false;
                 const qint64 n = v.toLongLong(&ok);
                 if (!ok || n < 1 || n > (qint64(1) << 40))
                     return false;
                 c.maxAttachmentBytes = n;
                 return true;
             }},
            {u"max-pending-uploads"_s, u"n"_s,
             u"Unfinished attachment uploads per user (default 10)."_s,
             intKey(&ServerConfig::maxPendingUploads, 1, 100000)},
            {u"upload-expiry"_s, u"seconds"_s,
             u"Unfinished uploads are deleted this long after they started (default 86400)."_s,
             intKey(&ServerConfig::uploadExpirySeconds, 1, 365 * 86400)},
            {u"upload-rate"_s, u"per-minute"_s,
             u"Uploads a user may start per minute (default 30)."_s,
             intKey(&ServerConfig::uploadsPerMinute, 1, 1000000)},
            {u"attachment-quota"_s, u"bytes"_s,
             u"Attachment bytes one user may store, finished or uploading (default 10737418240)."_s,
             [](ServerConfig &c, const QString &v) {
                 bool ok = false;
                 const qint64 n = v.toLongLong(&ok);
                 if (!ok || n < 1 || n > (qint64(1) << 50))
                     return false;
                 c.attachmentQuotaBytes = n;
                 return true;
             }},
            {u"attachment-retention"_s, u"seconds"_s,
             u"Finished attachments are deleted this long after their upload; 0 keeps them "
             u"(default 0)."_s,
             intKey(&ServerConfig::attachmentRetentionSeconds, 0, 20 * 365 * 86400)},
            {u"max-retention"_s, u"days"_s,
             u"Messages older than this many days are deleted, whatever their conversation's "
             u"timer; 0 keeps them (default 0)."_s,
             intKey(&ServerConfig::maxRetentionDays, 0, 100 * 365)},
            {u"allow-test-timers"_s, QString(),
             u"Accept a 5-second disappearing-message timer; for tests only."_s,
             [](ServerConfig &c, const QString &v) { return toBool(v, c.allowTestTimers); }},
            {u"keys-low"_s, u"n"_s,
             u"Push keysLow below this many one-time pre-keys (default 20)."_s,
             intKey(&ServerConfig::keysLowThreshold, 0, 100000)},
            {u"key-fetches"_s, u"per-minute"_s,
             u"fetchKeys per minute per asking user; beyond: rate_limited (default 600)."_s,
             intKey(&ServerConfig::keyFetchesPerMinute, 1, 1000000)},
            {u"prekey-handouts"_s, u"per-minute"_s,
             u"Fetches per minute per target user that take one-time pre-keys; beyond: the "
             u"signed pre-key only (default 60)."_s,
             intKey(&ServerConfig::preKeyHandoutsPerMinute, 1, 1000000)},
            {u"report-rate"_s, u"per-hour"_s,
             u"Abuse reports one user may file in any hour; beyond: rate_limited (default 10)."_s,
             intKey(&ServerConfig::reportsPerHour, 1, 100000)},
    };
}

} // namespace

Result<Invocation> CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Parley chat server.\n\nSubcommands:\n"
                                     "  (none)                           serve\n"_s
                                     + AdminCommand::usage());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({u"config"_s, u"INI file with any of the keys below."_s, u"file"_s});
    parser.addOption({u"password"_s, u"Password for user add / reset-password."_s, u"password"_s});
    parser.addOption({u"json"_s, u"Subcommands answer in JSON, for scripts."_s});
    parser.addOption({u"force"_s, u"restore: replace a database that holds data."_s});
    parser.addOption({u"open"_s, u"report list: open reports only (the default)."_s});
    parser.addOption({u"all"_s, u"report list: resolved reports too."_s});
    parser.addOption({u"note"_s, u"report resolve: what the admin decided and why."_s, u"text"_s});
    parser.addOption(
            {u"disable-user"_s,
             u"report resolve: also disable the reported account and revoke its devices."_s});
    const QList<Key> all = keys();
    for (const Key &key : all) {
        if (key.valueName.isEmpty())
            parser.addOption({key.name, key.help});
        else
            parser.addOption({key.name, key.help, key.valueName});
    }
    parser.addPositionalArgument(u"command"_s, u"Subcommand and its arguments."_s,
                                 u"[command...]"_s);

    if (!parser.parse(arguments))
        return Error{ErrorCode::InvalidArgument, parser.errorText()};
    Invocation inv;
    if (parser.isSet(u"help"_s)) {
        parser.showHelp(0); // exits
    }
    if (parser.isSet(u"version"_s)) {
        parser.showVersion(); // exits
    }

    if (parser.isSet(u"config"_s)) {
        const QString file = parser.value(u"config"_s);
        inv.configFile = file;
        if (!QFileInfo(file).isReadable())
            return Error{ErrorCode::InvalidArgument, u"cannot read config file %1"_s.arg(file)};
        QSettings settings(file, QSettings::IniFormat);
        if (settings.status() != QSettings::NoError)
            return Error{ErrorCode::InvalidArgument, u"cannot parse config file %1"_s.arg(file)};
        for (const QString &name : settings.allKeys()) {
            auto it = std::find_if(all.begin(), all.end(),
                                   [&](const Key &k) { return k.name == name; });
            if (it == all.end())
                return Error{ErrorCode::InvalidArgument,
                             u"%1: unknown key \"%2\""_s.arg(file, name)};
            const QVariant v = settings.value(name);
            const QString text = v.typeId() == QMetaType::QStringList ? v.toStringList().join(u',')
                                                                      : v.toString();
            if (!it->apply(inv.config, text))
                return Error{ErrorCode::InvalidArgument,
                             u"%1: bad value for \"%2\""_s.arg(file, name)};
        }
    }
    for (const Key &key : all) {
        if (!parser.isSet(key.name))
            continue;
        const QString value = key.valueName.isEmpty() ? u"true"_s
                : key.repeatable                      ? parser.values(key.name).join(u',')
                                                      : parser.value(key.name);
        if (!key.apply(inv.config, value))
            return Error{ErrorCode::InvalidArgument, u"bad value for --%1"_s.arg(key.name)};
    }
    if (!inv.config.redis.isEmpty()) {
        if (auto url = RedisUrl::parse(inv.config.redis); !url)
            return url.error();
        if (!inv.config.database.startsWith("postgresql://"_L1)
            && !inv.config.database.startsWith("postgres://"_L1))
            return Error{ErrorCode::InvalidArgument,
                         u"--redis (cluster mode) needs --database postgresql://…: SQLite "
                         u"serves one node only"_s};
    }
    if (inv.config.tlsCert.isEmpty() != inv.config.tlsKey.isEmpty())
        return Error{ErrorCode::InvalidArgument, u"--tls-cert and --tls-key go together"_s};
    if (inv.config.proxyProtocol && inv.config.trustedProxies.isEmpty())
        return Error{ErrorCode::InvalidArgument,
                     u"--proxy-protocol needs --trusted-proxy: the proxies that send the header"_s};
    if (inv.config.proxyProtocol && inv.config.transport == Transport::Qt)
        return Error{ErrorCode::InvalidArgument,
                     u"--proxy-protocol needs the native transport: --transport qt cannot read "
                     "a PROXY header (use X-Forwarded-For with TLS at the proxy)"_s};
    if (parser.isSet(u"password"_s))
        inv.password = parser.value(u"password"_s);
    inv.json = parser.isSet(u"json"_s);
    inv.force = parser.isSet(u"force"_s);
    if (parser.isSet(u"open"_s) && parser.isSet(u"all"_s))
        return Error{ErrorCode::InvalidArgument, u"--open and --all exclude each other"_s};
    inv.allReports = parser.isSet(u"all"_s);
    if (parser.isSet(u"note"_s))
        inv.note = parser.value(u"note"_s);
    inv.disableUser = parser.isSet(u"disable-user"_s);
    inv.command = parser.positionalArguments();
    return inv;
}

} // namespace Parley
