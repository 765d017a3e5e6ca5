// Drives the real @bitrix24/b24jssdk against the service over https, as a JavaScript bot developer
// would: B24Hook.fromWebhookUrl (which refuses http://), then server.time, imbot.register and
// imbot.bot.list. Prints one JSON line with what the SDK returned; exits 1 on any SDK error.
// Usage: WEBHOOK_URL=https://127.0.0.1:8443/rest/1/<secret>/ NODE_EXTRA_CA_CERTS=<cert.pem> node sdk-over-https.mjs
import { B24Hook } from '@bitrix24/b24jssdk'

const url = process.env.WEBHOOK_URL
const code = process.env.BOT_CODE || 'jsbot'
try {
  const b24 = B24Hook.fromWebhookUrl(url)
  const call = async (method, params) => {
    const response = await b24.actions.v2.call.make({ method, params })
    if (!response.isSuccess) {
      throw new Error(`${method}: ${response.getErrorMessages().join('; ')}`)
    }
    return response.getData().result
  }
  const serverTime = await call('server.time')
  const botId = await call('imbot.register', {
    CODE: code,
    TYPE: 'B',
    EVENT_HANDLER: 'https://bot.example.com/handler',
    CLIENT_ID: 'jsapp',
    PROPERTIES: { NAME: 'JS Bot', COLOR: 'GREEN' }
  })
  const bots = await call('imbot.bot.list')
  const profile = await call('profile')
  console.log(JSON.stringify({ serverTime, botId, bots, profile }))
} catch (error) {
  console.error(`SDK call failed: ${error?.code ?? ''} ${error?.message ?? error}`)
  process.exit(1)
}
