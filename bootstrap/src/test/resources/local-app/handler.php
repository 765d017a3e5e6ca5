<?php
// A local-app bot written like Bitrix24's sample bots (EchoBot): it reads the event from $_REQUEST,
// registers its bot on ONAPPINSTALL with the auth it received, greets on ONIMBOTJOINCHAT, answers
// every message on ONIMBOTMESSAGEADD, and calls the portal back at auth[client_endpoint] with
// auth=<access_token>, as EchoBot's restCommand does. What it saw and got is appended to a log file
// (HANDLER_LOG) as one JSON line per event, for the test to read.

function restCommand($method, array $params, array $auth)
{
    $params['auth'] = $auth['access_token'];
    $context = stream_context_create(array('http' => array(
        'method' => 'POST',
        'header' => "Content-Type: application/x-www-form-urlencoded\r\n",
        'content' => http_build_query($params),
        'ignore_errors' => true,
        'timeout' => 20,
    )));
    $answer = file_get_contents($auth['client_endpoint'] . $method, false, $context);
    return json_decode($answer, true);
}

$event = isset($_REQUEST['event']) ? $_REQUEST['event'] : null;
$log = array(
    'event' => $event,
    'webhook_id' => isset($_SERVER['HTTP_WEBHOOK_ID']) ? $_SERVER['HTTP_WEBHOOK_ID'] : null,
    'request' => $_REQUEST,
);

if ($event == 'ONAPPINSTALL') {
    $auth = $_REQUEST['auth'];
    $handlerBackUrl = ($_SERVER['HTTPS'] ?? '') === 'on' ? 'https' : 'http';
    $handlerBackUrl .= '://' . $_SERVER['SERVER_NAME'] . ':' . $_SERVER['SERVER_PORT'] . $_SERVER['SCRIPT_NAME'];
    $log['register'] = restCommand('imbot.register', array(
        'CODE' => 'echobot',
        'TYPE' => 'B',
        'EVENT_MESSAGE_ADD' => $handlerBackUrl,
        'EVENT_WELCOME_MESSAGE' => $handlerBackUrl,
        'EVENT_BOT_DELETE' => $handlerBackUrl,
        'PROPERTIES' => array('NAME' => 'EchoBot', 'COLOR' => 'GREEN'),
    ), $auth);
    $log['profile'] = restCommand('profile', array(), $auth);
    $log['bots'] = restCommand('imbot.bot.list', array(), $auth);
} elseif ($event == 'ONIMBOTJOINCHAT') {
    $log['answer'] = restCommand('imbot.message.add', array(
        'DIALOG_ID' => $_REQUEST['data']['PARAMS']['DIALOG_ID'],
        'MESSAGE' => 'Welcome! Write something and I will answer.',
    ), $_REQUEST['auth']);
} elseif ($event == 'ONIMBOTMESSAGEADD') {
    $log['answer'] = restCommand('imbot.message.add', array(
        'DIALOG_ID' => $_REQUEST['data']['PARAMS']['DIALOG_ID'],
        'MESSAGE' => 'Answer: ' . $_REQUEST['data']['PARAMS']['MESSAGE'],
    ), $_REQUEST['auth']);
}

file_put_contents(getenv('HANDLER_LOG'), json_encode($log) . "\n", FILE_APPEND | LOCK_EX);
echo 'OK';
