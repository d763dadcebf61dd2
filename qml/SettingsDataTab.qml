import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qt.labs.platform as Platform
import Parley

// Settings → Data: export every conversation into a folder (pages to read offline, with the
// files this device has, and JSON for programs; again into the same folder adds only what is
// new) and import such an export back (docs/export.md).
ColumnLayout {
    id: tab

    required property Client client
    // The last export's or import's outcome.
    property string status: ""

    spacing: Theme.spacingLarge

    // Qt.labs.platform, not QtQuick.Dialogs: see Composer.qml's file dialog.
    Platform.FolderDialog {
        id: exportDialog
        objectName: "exportFolderDialog"
        title: qsTr("Export everything into a folder")
        folder: Platform.StandardPaths.writableLocation(Platform.StandardPaths.DocumentsLocation)
        onAccepted: tab.client.exportHistory(folder, 0)
    }

    Platform.FileDialog {
        id: importDialog
        objectName: "importFileDialog"
        title: qsTr("Import an export")
        fileMode: Platform.FileDialog.OpenFile
        nameFilters: [qsTr("Parley export (export.json conversation-*.json)")]
        folder: Platform.StandardPaths.writableLocation(Platform.StandardPaths.DocumentsLocation)
        onAccepted: tab.client.importHistory(file)
    }

    Connections {
        target: tab.client
        function onHistoryFinished(ok, message) {
            tab.status = message
        }
    }

    Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: qsTr("Export your conversations into a folder: a page for each one that any browser opens offline, the files this computer has, and JSON files for other programs. Exporting into the same folder again adds only what is new.")
    }

    RowLayout {
        spacing: Theme.spacing

        Button {
            objectName: "exportEverythingButton"
            text: qsTr("Export everything…")
            enabled: !tab.client.historyBusy
            Accessible.name: text
            onClicked: exportDialog.open()
        }

        Button {
            objectName: "importHistoryButton"
            text: qsTr("Import…")
            enabled: !tab.client.historyBusy
            Accessible.name: text
            onClicked: importDialog.open()
        }

        BusyIndicator {
            running: tab.client.historyBusy
            visible: running
            implicitWidth: 32
            implicitHeight: 32
        }
    }

    Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: qsTr("Importing reads an export's export.json into this profile; messages it has already are left as they are.")
        color: Theme.secondaryText
    }

    Label {
        objectName: "historyStatus"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        visible: text.length > 0
        text: tab.status
    }

    Item {
        Layout.fillHeight: true
    }
}
