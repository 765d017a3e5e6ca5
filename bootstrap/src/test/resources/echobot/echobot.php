<?php
// Bitrix24's official EchoBot (bitrix24com/bots, bot.php), its command part, as a webhook-keyed
// application: it calls the portal back through an inbound webhook (IMBOT_WEBHOOK) with its
// CLIENT_ID (ECHOBOT_CLIENT_ID) instead of OAuth tokens, and checks each event's
// auth[application_token], which for such an application is its CLIENT_ID. Webhook-keyed
// applications have no ONAPPINSTALL, so the install is a custom event (?event=INSTALL), as the
// EchoBot's own custom PUBLISH event is. Every request and what the portal answered is appended to
// HANDLER_LOG as one JSON line.

$clientId = getenv('ECHOBOT_CLIENT_ID');
$configFile = __DIR__ . '/config.json';
$log = array('event' => isset($_REQUEST['event']) ? $_REQUEST['event'] : null, 'request' => $_REQUEST, 'calls' => array());

function restCommand($method, array $params)
{
    global $clientId, $log;
    $params['CLIENT_ID'] = $clientId;
    $context = stream_context_create(array('http' => array(
        'method' => 'POST',
        'header' => "Content-Type: application/x-www-form-urlencoded\r\n",
        'content' => http_build_query($params),
        'ignore_errors' => true,
        'timeout' => 20,
    )));
    $answer = json_decode(file_get_contents(getenv('IMBOT_WEBHOOK') . $method, false, $context), true);
    $log['calls'][] = array('method' => $method, 'answer' => $answer);
    return $answer;
}

function colors($page)
{
    $pages = array(
        1 => array('RED' => '#df532d', 'GRAPHITE' => '#3a403e'),
        2 => array('MINT' => '#4ba984', 'LIGHT BLUE' => '#6fc8e5'),
        3 => array('PURPLE' => '#8474c8', 'AQUA' => '#1eb4aa'),
        4 => array('PINK' => '#e98fa6', 'LIME' => '#85cb7b'),
        5 => array('AZURE' => '#29619b', 'ORANGE' => '#e8a441'),
    );
    $attach = array();
    foreach ($pages[$page] as $name => $color) {
        $attach[] = array('GRID' => array(
            array('VALUE' => $name, 'DISPLAY' => 'LINE', 'WIDTH' => 100),
            array('VALUE' => $color, 'COLOR' => $color, 'DISPLAY' => 'LINE'),
        ));
    }
    return $attach;
}

function pages($page)
{
    $keyboard = array();
    for ($i = 1; $i <= 5; $i++) {
        $keyboard[] = array('TEXT' => $page == $i ? "· $i ·" : "$i", 'COMMAND' => 'echoList',
            'COMMAND_PARAMS' => "$i", 'DISPLAY' => 'LINE', 'BLOCK' => 'Y');
    }
    return $keyboard;
}

$event = isset($_REQUEST['event']) ? $_REQUEST['event'] : '';
$authorized = isset($_REQUEST['auth']['application_token']) && $_REQUEST['auth']['application_token'] === $clientId;

if ($event == 'INSTALL') {
    $handlerBackUrl = 'http://' . $_SERVER['SERVER_NAME'] . ':' . $_SERVER['SERVER_PORT'] . $_SERVER['SCRIPT_NAME'];
    $botId = restCommand('imbot.register', array(
        'CODE' => 'echobot',
        'TYPE' => 'B',
        'EVENT_MESSAGE_ADD' => $handlerBackUrl,
        'EVENT_WELCOME_MESSAGE' => $handlerBackUrl,
        'EVENT_BOT_DELETE' => $handlerBackUrl,
        'OPENLINE' => 'Y',
        'PROPERTIES' => array('NAME' => 'EchoBot', 'COLOR' => 'GREEN', 'WORK_POSITION' => 'My first echo bot'),
    ))['result'];
    $commands = array();
    foreach (array('echo' => array('Y', 'Get echo message'), 'echoList' => array('N', 'Get list of colors'), 'help' => array('N', 'Get help message')) as $command => $setting) {
        $commands[$command] = restCommand('imbot.command.register', array(
            'BOT_ID' => $botId,
            'COMMAND' => $command,
            'COMMON' => $setting[0],
            'HIDDEN' => 'N',
            'EXTRANET_SUPPORT' => 'N',
            'LANG' => array(array('LANGUAGE_ID' => 'en', 'TITLE' => $setting[1], 'PARAMS' => 'some text')),
            'EVENT_COMMAND_ADD' => $handlerBackUrl,
        ))['result'];
    }
    $config = array('BOT_ID' => $botId, 'COMMANDS' => $commands);
    file_put_contents($configFile, json_encode($config));
    $log['config'] = $config;
    echo json_encode($config);
} elseif ($event == 'ONIMCOMMANDADD' && $authorized) {
    foreach ($_REQUEST['data']['COMMAND'] as $command) {
        if ($command['COMMAND'] == 'echo') {
            restCommand('imbot.command.answer', array(
                'COMMAND_ID' => $command['COMMAND_ID'],
                'MESSAGE_ID' => $command['MESSAGE_ID'],
                'MESSAGE' => 'Answer command',
                'ATTACH' => array(
                    array('MESSAGE' => 'reply: /' . $command['COMMAND'] . ' ' . $command['COMMAND_PARAMS']),
                    array('MESSAGE' => 'latency: ' . (time() - $_REQUEST['ts']) . 's'),
                ),
            ));
        } elseif ($command['COMMAND'] == 'echoList') {
            $initList = false;
            if (!$command['COMMAND_PARAMS']) {
                $initList = true;
                $command['COMMAND_PARAMS'] = 1;
            }
            $page = (int)$command['COMMAND_PARAMS'];
            if (!$initList && $command['COMMAND_CONTEXT'] == 'KEYBOARD') {
                restCommand('imbot.message.update', array(
                    'BOT_ID' => $command['BOT_ID'],
                    'MESSAGE_ID' => $command['MESSAGE_ID'],
                    'ATTACH' => colors($page),
                    'KEYBOARD' => pages($page),
                ));
            } else {
                restCommand('imbot.command.answer', array(
                    'COMMAND_ID' => $command['COMMAND_ID'],
                    'MESSAGE_ID' => $command['MESSAGE_ID'],
                    'MESSAGE' => 'List of colors',
                    'ATTACH' => colors($page),
                    'KEYBOARD' => pages($page),
                ));
            }
        } elseif ($command['COMMAND'] == 'help') {
            restCommand('imbot.command.answer', array(
                'COMMAND_ID' => $command['COMMAND_ID'],
                'MESSAGE_ID' => $command['MESSAGE_ID'],
                'MESSAGE' => 'Hello! My name is EchoBot :)[br] I designed to answer your questions!',
                'KEYBOARD' => array(
                    array('TEXT' => 'Bitrix24', 'LINK' => 'http://bitrix24.com', 'DISPLAY' => 'LINE'),
                    array('TYPE' => 'NEWLINE'),
                    array('TEXT' => 'Echo', 'COMMAND' => 'echo', 'COMMAND_PARAMS' => 'test from keyboard', 'DISPLAY' => 'LINE'),
                    array('TEXT' => 'List', 'COMMAND' => 'echoList', 'DISPLAY' => 'LINE'),
                    array('TEXT' => 'Help', 'COMMAND' => 'help', 'DISPLAY' => 'LINE'),
                ),
            ));
        }
    }
} elseif ($event == 'ONIMBOTMESSAGEADD' && $authorized) {
    restCommand('imbot.message.add', array(
        'DIALOG_ID' => $_REQUEST['data']['PARAMS']['DIALOG_ID'],
        'MESSAGE' => 'Message from bot',
        'ATTACH' => array(array('MESSAGE' => 'reply: ' . $_REQUEST['data']['PARAMS']['MESSAGE'])),
    ));
} elseif ($event == 'ONIMBOTJOINCHAT' && $authorized) {
    restCommand('imbot.message.add', array(
        'DIALOG_ID' => $_REQUEST['data']['PARAMS']['DIALOG_ID'],
        'MESSAGE' => 'Welcome message from bot.',
        'KEYBOARD' => array(array('TEXT' => 'Help', 'COMMAND' => 'help')),
    ));
}

file_put_contents(getenv('HANDLER_LOG'), json_encode($log) . "\n", FILE_APPEND | LOCK_EX);
if ($event != 'INSTALL') {
    echo 'OK';
}
