#include "ServerAddress.h"

namespace Parley {

using namespace Qt::StringLiterals;

QUrl serverUrlFromText(const QString &text)
{
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (!trimmed.contains(u"://"_s))
        trimmed.prepend(u"wss://"_s);
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return {};
    if (url.scheme() == "https"_L1)
        url.setScheme(u"wss"_s);
    else if (url.scheme() == "http"_L1)
        url.setScheme(u"ws"_s);
    if (url.scheme() != "wss"_L1 && url.scheme() != "ws"_L1)
        return {};
    if (url.port() < 0)
        url.setPort(DefaultServerPort);
    if (url.path().isEmpty())
        url.setPath(u"/"_s);
    return url;
}

QString serverKey(const QUrl &url)
{
    return url.host() + u':' + QString::number(url.port(DefaultServerPort));
}

} // namespace Parley
