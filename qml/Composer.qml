import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parley

// Where a message is written: Enter sends, Shift+Enter starts a new line. Typing is
// reported to the client, which rate-limits and expires it.
Rectangle {
    id: composer

    required property Client client
    property real conversationId: -1
    property bool canSend: true

    function send() {
        const text = input.text.trim()
        if (text.length === 0 || !canSend)
            return
        client.sendText(conversationId, text)
        input.clear()
    }

    function reset() {
        input.clear()
    }

    function focusInput() {
        input.forceActiveFocus()
    }

    implicitHeight: canSend ? Math.min(inputScroll.implicitHeight, 180) + Theme.spacingMedium * 2 : notMember.implicitHeight + Theme.spacingLarge * 2
    color: Theme.header

    Rectangle {
        width: parent.width
        height: 1
        color: Theme.divider
    }

    Label {
        id: notMember
        objectName: "notMemberLabel"
        visible: !composer.canSend
        anchors.centerIn: parent
        text: qsTr("You can no longer send messages here: you are not a member of this group.")
        color: Theme.secondaryText
    }

    RowLayout {
        visible: composer.canSend
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingLarge
        anchors.rightMargin: Theme.spacingMedium
        anchors.topMargin: Theme.spacingMedium
        anchors.bottomMargin: Theme.spacingMedium
        spacing: Theme.spacing

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            radius: 20
            color: Theme.chat
            border.color: input.activeFocus ? Theme.accent : Theme.divider
            border.width: input.activeFocus ? 1.5 : 1

            ScrollView {
                id: inputScroll
                anchors.fill: parent
                anchors.leftMargin: Theme.spacingMedium
                anchors.rightMargin: Theme.spacingSmall
                implicitHeight: input.implicitHeight

                TextArea {
                    id: input
                    objectName: "composerInput"
                    placeholderText: qsTr("Write a message…")
                    wrapMode: TextEdit.Wrap
                    textFormat: TextEdit.PlainText
                    selectByMouse: true
                    font.pixelSize: Theme.fontSize
                    color: Theme.text
                    topPadding: 10
                    bottomPadding: 10
                    leftPadding: 0
                    rightPadding: 0
                    background: null
                    Accessible.name: qsTr("Message")

                    Keys.onReturnPressed: event => {
                        if (event.modifiers & Qt.ShiftModifier) {
                            event.accepted = false
                        } else {
                            composer.send()
                            event.accepted = true
                        }
                    }
                    Keys.onEnterPressed: event => {
                        if (event.modifiers & Qt.ShiftModifier) {
                            event.accepted = false
                        } else {
                            composer.send()
                            event.accepted = true
                        }
                    }
                    onTextChanged: {
                        if (composer.conversationId >= 0)
                            composer.client.setTyping(composer.conversationId, text.length > 0)
                    }
                }
            }
        }

        RoundButton {
            objectName: "sendButton"
            Layout.alignment: Qt.AlignBottom
            Layout.preferredWidth: 44
            Layout.preferredHeight: 44
            enabled: input.text.trim().length > 0
            focusPolicy: Qt.TabFocus
            background: Rectangle {
                radius: width / 2
                color: !parent.enabled ? Theme.divider
                     : parent.down ? Qt.darker(Theme.accent, 1.15)
                     : parent.hovered ? Qt.lighter(Theme.accent, 1.08) : Theme.accent
                border.width: parent.visualFocus ? 2 : 0
                border.color: Theme.text
            }
            Accessible.name: qsTr("Send")
            ToolTip.visible: hovered
            ToolTip.delay: 600
            ToolTip.text: qsTr("Send (Enter)")
            onClicked: composer.send()

            Icon {
                anchors.centerIn: parent
                anchors.horizontalCenterOffset: 1
                name: "send"
                color: parent.enabled ? Theme.textOnAccent : Theme.secondaryText
            }
        }
    }
}
