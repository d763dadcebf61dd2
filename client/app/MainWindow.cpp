#include "MainWindow.h"

#include "AvatarProvider.h"
#include "Client.h"
#include "QrCodeProvider.h"
#include "StartupTrace.h"
#include "ThumbnailProvider.h"

#include <QGuiApplication>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QtQml/qqmlextensionplugin.h>

// parley_qml is a static QML module: its plugin must be linked and imported explicitly.
Q_IMPORT_QML_PLUGIN(ParleyPlugin)

using namespace Qt::StringLiterals;

namespace Parley {

void setApplicationMetadata()
{
    // No organisation name: the data folder is ~/.local/share/parley, not …/Parley/parley.
    QGuiApplication::setApplicationName(u"parley"_s);
    QGuiApplication::setApplicationDisplayName(u"Parley"_s);
    QGuiApplication::setOrganizationDomain(u"parley.chat"_s);
    QGuiApplication::setApplicationVersion(QStringLiteral(PARLEY_VERSION));
    QGuiApplication::setDesktopFileName(u"org.parley.Parley"_s);
    QGuiApplication::setWindowIcon(QIcon(u":/Parley/icons/parley.png"_s));
}

bool loadMainWindow(QQmlApplicationEngine &engine, Client *client)
{
    // A language chosen in Settings shows at once: every qsTr binding is evaluated again.
    QObject::connect(client, &Client::languageChanged, &engine, &QQmlEngine::retranslate);
    // Message thumbnails come from the (decrypted) content, through C++ (engine owns it).
    engine.addImageProvider(u"thumbnail"_s, new ThumbnailProvider);
    // Profile pictures likewise, from what Profiles decoded.
    engine.addImageProvider(u"avatar"_s, new AvatarProvider(client->profiles()));
    // QR codes (the safety number's), drawn from the bytes in their URL.
    engine.addImageProvider(u"qr"_s, new QrCodeProvider);
    engine.setInitialProperties({{u"client"_s, QVariant::fromValue(client)}});
    engine.load(QUrl(u"qrc:/Parley/Main.qml"_s));
    if (engine.rootObjects().isEmpty())
        return false;
    traceStartup(engine.rootObjects().constFirst(), client);
    return true;
}

} // namespace Parley
