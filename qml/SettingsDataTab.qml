import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qt.labs.platform as Platform
import Parley

// Settings → Data: back up the history into one encrypted file and restore it
// (docs/backup.md); export every conversation into a folder (pages to read offline, with the
// files this device has, and JSON for programs; again into the same folder adds only what is
// new) and import such an export back (docs/export.md).
ColumnLayout {
    id: tab

    required property Client client
    readonly property HistoryBackup backup: client.backup
    // The last export's or import's outcome.
    property string status: ""
    // The last backup's outcome.
    property string backupStatus: ""
    property int backupDone: 0
    property int backupTotal: 0

    spacing: Theme.spacingLarge

    Platform.FileDialog {
        id: backupFileDialog
        objectName: "backupFileDialog"
        title: qsTr("Where to keep the backup")
        fileMode: Platform.FileDialog.SaveFile
        nameFilters: [qsTr("Parley backup (*.parley-backup)")]
        folder: Platform.StandardPaths.writableLocation(Platform.StandardPaths.DocumentsLocation)
        currentFile: folder + "/parley-" + tab.client.username + ".parley-backup"
        onAccepted: {
            backupDialog.file = file
            backupDialog.open()
        }
    }

    Platform.FileDialog {
        id: restoreFileDialog
        objectName: "restoreFileDialog"
        title: qsTr("Restore a backup")
        fileMode: Platform.FileDialog.OpenFile
        nameFilters: [qsTr("Parley backup (*.parley-backup)")]
        folder: Platform.StandardPaths.writableLocation(Platform.StandardPaths.DocumentsLocation)
        onAccepted: {
            restoreDialog.file = file
            restoreDialog.open()
        }
    }

    BackupDialog {
        id: backupDialog
        client: tab.client
    }

    RestoreDialog {
        id: restoreDialog
        client: tab.client
    }

    BackupKeyDialog {
        id: backupKeyDialog
        client: tab.client
    }

    Connections {
        target: tab.backup
        function onFinished(ok, message) {
            tab.backupStatus = message
            if (ok && tab.backup.backupKeyToShow.length > 0)
                backupKeyDialog.open()
        }
        function onProgress(done, total) {
            tab.backupDone = done
            tab.backupTotal = total
        }
    }

    Label {
        Layout.fillWidth: true
        text: qsTr("Backup")
        font.weight: Font.DemiBold
        color: Theme.text
    }

    Label {
        objectName: "backupSummary"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: tab.backup.filePath.length === 0
              ? qsTr("Back up your history into one encrypted file that you keep, and restore it on a new computer after signing in. Later backups to the same file add only what is new.")
              : qsTr("Last backup: %1, in %2").arg(tab.backup.lastBackup.toLocaleString(Qt.locale(), Locale.ShortFormat)).arg(tab.backup.filePath)
    }

    RowLayout {
        spacing: Theme.spacing

        Button {
            objectName: "backUpNowButton"
            visible: tab.backup.filePath.length > 0
            text: qsTr("Back up now")
            enabled: !tab.backup.busy
            Accessible.name: text
            onClicked: tab.backup.backUpNow()
        }

        Button {
            objectName: "newBackupButton"
            text: tab.backup.filePath.length > 0 ? qsTr("New backup…") : qsTr("Back up…")
            enabled: !tab.backup.busy
            Accessible.name: text
            onClicked: backupFileDialog.open()
        }

        Button {
            objectName: "restoreBackupButton"
            text: qsTr("Restore…")
            enabled: !tab.backup.busy
            Accessible.name: text
            onClicked: restoreFileDialog.open()
        }

        BusyIndicator {
            running: tab.backup.busy
            visible: running
            implicitWidth: 32
            implicitHeight: 32
        }
    }

    ProgressBar {
        objectName: "backupProgress"
        Layout.fillWidth: true
        visible: tab.backup.busy && tab.backupTotal > 0
        from: 0
        to: Math.max(1, tab.backupTotal)
        value: tab.backupDone
    }

    Label {
        objectName: "backupStatus"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        visible: text.length > 0
        text: tab.backupStatus
    }

    RowLayout {
        visible: tab.backup.backupKeyToShow.length > 0
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Write down your backup key: without it the backup cannot be restored.")
            color: Theme.danger
        }

        Button {
            objectName: "showBackupKeyButton"
            text: qsTr("Show…")
            flat: true
            Accessible.name: qsTr("Show the backup key")
            onClicked: backupKeyDialog.open()
        }
    }

    MenuSeparator {
        Layout.fillWidth: true
    }

    Label {
        Layout.fillWidth: true
        text: qsTr("Export")
        font.weight: Font.DemiBold
        color: Theme.text
    }

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
