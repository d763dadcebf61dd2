import QtQuick
import QtQuick.Controls
import Qt.labs.platform as Platform
import Parley

// "Export chat…" of a conversation's menu: asks for a folder, exports the conversation into it
// (Client.exportHistory: pages to read offline and JSON, docs/export.md) and says how it went.
Item {
    id: chatExport

    required property Client client
    property real conversationId: -1
    // Only the export this item started reports here (Settings shows its own).
    property bool waiting: false

    function open() {
        folderDialog.open()
    }

    // Qt.labs.platform, not QtQuick.Dialogs: see Composer.qml's file dialog.
    Platform.FolderDialog {
        id: folderDialog
        objectName: "exportChatFolderDialog"
        title: qsTr("Export this chat into a folder")
        folder: Platform.StandardPaths.writableLocation(Platform.StandardPaths.DocumentsLocation)
        onAccepted: {
            chatExport.waiting = true
            chatExport.client.exportHistory(folder, chatExport.conversationId)
        }
    }

    Connections {
        target: chatExport.client
        function onHistoryFinished(ok, message) {
            if (!chatExport.waiting)
                return
            chatExport.waiting = false
            note.text = ok ? qsTr("Chat exported. %1").arg(message) : message
            note.open()
        }
    }

    ToolTip {
        id: note
        objectName: "exportChatNote"
        parent: chatExport.parent
        x: (parent ? parent.width - width : 0) / 2
        y: Theme.spacingHuge * 2
        timeout: 5000
    }
}
