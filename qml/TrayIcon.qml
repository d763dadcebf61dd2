import QtQuick
import Qt.labs.platform as Platform
import Parley

// The system tray icon: a dot on the icon and the count in its tooltip while there are
// unread messages; clicking it brings the window back.
Platform.SystemTrayIcon {
    id: tray
    objectName: "trayIcon"

    required property Client client
    required property var mainWindow
    readonly property int unread: client.conversations ? client.conversations.totalUnread : 0

    function showWindow() {
        mainWindow.show()
        mainWindow.raise()
        mainWindow.requestActivate()
    }

    visible: available && client.state !== Client.LoggedOut
    icon.source: unread > 0 ? "qrc:/Parley/icons/tray-unread.png" : "qrc:/Parley/icons/tray.png"
    tooltip: unread === 0 ? qsTr("Parley")
           : unread === 1 ? qsTr("Parley: 1 unread message")
           : qsTr("Parley: %1 unread messages").arg(unread)

    onActivated: reason => {
        if (reason === Platform.SystemTrayIcon.Trigger)
            showWindow()
    }

    menu: Platform.Menu {
        Platform.MenuItem {
            text: qsTr("Open Parley")
            onTriggered: tray.showWindow()
        }
        Platform.MenuItem {
            text: qsTr("Quit")
            onTriggered: Qt.quit()
        }
    }
}
