<?php
// Bitrix24's official EchoBot (bitrix24com/bots, bot.php), its command part, in two modes.
// - A local application (the default): it registers its bot and three commands on ONAPPINSTALL and
//   calls the portal back at auth[client_endpoint] with auth=<access_token> of the event, keeping
//   its config by auth[application_token], as the sample does.
// - A webhook-keyed application (IMBOT_WEBHOOK and ECHOBOT_CLIENT_ID set): it calls back through
//   the inbound webhook with its CLIENT_ID, events carry auth[application_token] = its CLIENT_ID,
//   and, having no ONAPPINSTALL, it installs on a custom event (?event=INSTALL), as the sample's
//   custom PUBLISH event works.
// Every request and what the portal answered is appended to HANDLER_LOG as one JSON line.

$clientId = getenv('ECHOBOT_CLIENT_ID');
$webhook = getenv('IMBOT_WEBHOOK');
$configFile = __DIR__ . '/config.json';
$appsConfig = file_exists($configFile) ? json_decode(file_get_contents($configFile), true) : array();
$log = array('event' => isset($_REQUEST['event']) ? $_REQUEST['event'] : null, 'request' => $_REQUEST, 'calls' => array());

function restCommand($method, array $params, array $auth)
{
    global $clientId, $webhook, $log;
    if ($webhook) {
        $params['CLIENT_ID'] = $clientId;
        $url = $webhook . $method;
    } else {
        $params['auth'] = $auth['access_token'];
        $url = $auth['client_endpoint'] . $method;
    }
    $context = stream_context_create(array('http' => array(
        'method' => 'POST',
        'header' => "Content-Type: application/x-www-form-urlencoded\r\n",
        'content' => http_build_query($params),
        'ignore_errors' => true,
        'timeout' => 20,
    )));
    $answer = json_decode(file_get_contents($url, false, $context), true);
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
$token = isset($_REQUEST['auth']['application_token']) ? $_REQUEST['auth']['application_token'] : null;
$authorized = $webhook ? $token === $clientId : isset($appsConfig[$token]);
$auth = isset($_REQUEST['auth']) ? $_REQUEST['auth'] : array();

if ($event == 'INSTALL' && $webhook || $event == 'ONAPPINSTALL' && !$webhook) {
    $handlerBackUrl = 'http://' . $_SERVER['SERVER_NAME'] . ':' . $_SERVER['SERVER_PORT'] . $_SERVER['SCRIPT_NAME'];
    $botId = restCommand('imbot.register', array(
        'CODE' => 'echobot',
        'TYPE' => 'B',
        'EVENT_MESSAGE_ADD' => $handlerBackUrl,
        'EVENT_WELCOME_MESSAGE' => $handlerBackUrl,
        'EVENT_BOT_DELETE' => $handlerBackUrl,
        'OPENLINE' => 'Y',
        'PROPERTIES' => array('NAME' => 'EchoBot', 'COLOR' => 'GREEN', 'WORK_POSITION' => 'My first echo bot'),
    ), $auth)['result'];
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
        ), $auth)['result'];
    }
    $config = array('BOT_ID' => $botId, 'COMMANDS' => $commands);
    $appsConfig[$webhook ? $clientId : $token] = $config;
    file_put_contents($configFile, json_encode($appsConfig));
    $log['config'] = $config;
    if ($webhook) {
        echo json_encode($config);
    }
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
            ), $auth);
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
                ), $auth);
            } else {
                restCommand('imbot.command.answer', array(
                    'COMMAND_ID' => $command['COMMAND_ID'],
                    'MESSAGE_ID' => $command['MESSAGE_ID'],
                    'MESSAGE' => 'List of colors',
                    'ATTACH' => colors($page),
                    'KEYBOARD' => pages($page),
                ), $auth);
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
            ), $auth);
        }
    }
} elseif ($event == 'ONIMBOTMESSAGEADD' && $authorized) {
    restCommand('imbot.message.add', array(
        'DIALOG_ID' => $_REQUEST['data']['PARAMS']['DIALOG_ID'],
        'MESSAGE' => 'Message from bot',
        'ATTACH' => array(array('MESSAGE' => 'reply: ' . $_REQUEST['data']['PARAMS']['MESSAGE'])),
    ), $auth);
} elseif ($event == 'ONIMBOTJOINCHAT' && $authorized) {
    restCommand('imbot.message.add', array(
        'DIALOG_ID' => $_REQUEST['data']['PARAMS']['DIALOG_ID'],
        'MESSAGE' => 'Welcome message from bot.',
        'KEYBOARD' => array(array('TEXT' => 'Help', 'COMMAND' => 'help')),
    ), $auth);
}

file_put_contents(getenv('HANDLER_LOG'), json_encode($log) . "\n", FILE_APPEND | LOCK_EX);
if ($event != 'INSTALL') {
    echo 'OK';
}
