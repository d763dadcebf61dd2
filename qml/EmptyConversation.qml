import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parley

// The right side when no conversation is open.
Rectangle {
    id: empty

    property bool hasConversations: false

    signal newChatRequested()
    signal newGroupRequested()

    color: Theme.chat

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacingHuge, 380)
        spacing: Theme.spacingLarge

        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            implicitWidth: 88
            implicitHeight: 88
            radius: 44
            color: Theme.selection

            Icon {
                anchors.centerIn: parent
                width: 44
                height: 44
                name: "chat"
                color: Theme.accent
                strokeWidth: 1.6
            }
        }

        Label {
            Layout.alignment: Qt.AlignHCenter
            text: empty.hasConversations ? qsTr("Pick a conversation") : qsTr("Start your first conversation")
            font.pixelSize: Theme.fontSizeTitle - 2
            font.weight: Font.DemiBold
            color: Theme.text
        }

        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            text: empty.hasConversations
                  ? qsTr("Choose one on the left, or start a new chat with someone.")
                  : qsTr("Chat with one person by their username, or bring several people together in a group.")
            color: Theme.secondaryText
        }

        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.spacing

            AccentButton {
                objectName: "emptyNewChatButton"
                text: qsTr("New chat")
                Accessible.name: text
                onClicked: empty.newChatRequested()
            }
            Button {
                objectName: "emptyNewGroupButton"
                text: qsTr("New group")
                flat: true
                Accessible.name: text
                onClicked: empty.newGroupRequested()
            }
        }
    }
}
