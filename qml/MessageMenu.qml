import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Parley

// The actions on one message: a row of common reactions and "+" for any other (the emoji
// picker; "React…" opens it too, for the keyboard), then Reply, Edit and Delete (the last two only on my own messages), Copy text, and
// Report (only on other people's). It only says what the user chose; ConversationView acts.
PopupMenu {
    id: menu

    property real seq: 0
    property string messageText
    property string senderName
    property string snippet
    property bool canEdit: false
    property bool canReport: false

    signal reactChosen(string emoji)
    signal moreReactionsChosen()
    signal replyChosen()
    signal copyChosen()
    signal editChosen()
    signal deleteChosen()
    signal reportChosen()

    objectName: "messageMenu"
    // Wide enough for the reaction row (six emoji and "+").
    width: Math.max(implicitWidth, emojiRow.implicitWidth + Theme.spacing * 2 + leftPadding + rightPadding)

    // The usual quick reactions of chat apps.
    readonly property var quickEmoji: ["👍", "❤️", "😂", "😮", "😢", "🎉"]

    Item {
        implicitWidth: emojiRow.implicitWidth + Theme.spacing * 2
        implicitHeight: emojiRow.implicitHeight + Theme.spacing * 2

        RowLayout {
            id: emojiRow
            anchors.centerIn: parent
            spacing: Theme.spacingTiny

            Repeater {
                model: menu.quickEmoji

                delegate: ToolButton {
                    required property string modelData

                    objectName: "reactEmoji"
                    text: modelData
                    font.pixelSize: Theme.fontSizeLarge + 2
                    implicitWidth: 36
                    implicitHeight: 36
                    padding: 0
                    Accessible.name: qsTr("React with %1").arg(modelData)
                    onClicked: {
                        menu.reactChosen(modelData)
                        menu.close()
                    }
                }
            }

            ToolButton {
                objectName: "moreReactionsButton"
                implicitWidth: 36
                implicitHeight: 36
                padding: 0
                display: AbstractButton.IconOnly
                text: qsTr("More reactions…")
                Accessible.name: text
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: text
                contentItem: Item {
                    Icon {
                        anchors.centerIn: parent
                        name: "plus"
                        color: Theme.secondaryText
                    }
                }
                onClicked: {
                    menu.close()
                    menu.moreReactionsChosen()
                }
            }
        }
    }

    MenuSeparator {}

    // The emoji picker, from the keyboard as well (the row above is for the mouse).
    MenuItem {
        objectName: "menuReact"
        text: qsTr("React…")
        Accessible.name: qsTr("React with any emoji")
        onTriggered: menu.moreReactionsChosen()
    }
    MenuItem {
        objectName: "menuReply"
        text: qsTr("Reply")
        Accessible.name: text
        onTriggered: menu.replyChosen()
    }
    MenuItem {
        objectName: "menuCopy"
        text: qsTr("Copy text")
        Accessible.name: text
        onTriggered: menu.copyChosen()
    }
    MenuItem {
        objectName: "menuEdit"
        visible: menu.canEdit
        enabled: visible
        height: visible ? implicitHeight : 0
        text: qsTr("Edit")
        Accessible.name: text
        onTriggered: menu.editChosen()
    }
    MenuItem {
        objectName: "menuDelete"
        visible: menu.canEdit
        enabled: visible
        height: visible ? implicitHeight : 0
        text: qsTr("Delete for everyone…")
        Accessible.name: text
        Material.foreground: Theme.danger
        onTriggered: menu.deleteChosen()
    }
    MenuItem {
        objectName: "menuReport"
        visible: menu.canReport
        enabled: visible
        height: visible ? implicitHeight : 0
        text: qsTr("Report…")
        Accessible.name: qsTr("Report this message")
        onTriggered: menu.reportChosen()
    }
}
