#pragma once

/// Boots Parley's QML main window for a Client: what `parley` and the UI tests both run.

class QQmlApplicationEngine;

namespace Parley {

class Client;

//! \brief Sets the application name, organisation, version, desktop file name and window icon.
//! Call once, right after the application object exists and before a Client is made (the
//! client derives its data folder from the application name).
void setApplicationMetadata();

//! \brief Loads qrc:/Parley/Main.qml into \a engine with \a client as its required `client`
//! property. \a client must outlive the engine's window. Returns false when the window could
//! not be created; the engine has then logged the QML errors.
bool loadMainWindow(QQmlApplicationEngine &engine, Client *client);

} // namespace Parley
