package dev.imbot.adapter.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The BB-code of messages as the Chat page's HTML: every tag it knows, and escaping. */
class BbCodeTest {

  @Test
  void givenAScriptTag_toHtml_showsItAsText() {
    assertThat(BbCode.toHtml("<script>alert('x')</script> & \"q\""))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  }

  @Test
  void givenScriptInsideTagsAndAttributes_toHtml_escapesEveryPart() {
    assertThat(BbCode.toHtml("[b]<img src=x onerror=alert(1)>[/b]"))
        .isEqualTo("<strong>&lt;img src=x onerror=alert(1)&gt;</strong>");
    assertThat(BbCode.toHtml("[url=https://a.example/\"onmouseover=\"x]go[/url]"))
        .doesNotContain("\"onmouseover");
    assertThat(BbCode.toHtml("[user=5\"><script>]x[/user]")).doesNotContain("<script>");
  }

  @Test
  void givenTextStyles_toHtml_rendersThemNestedAndCaseInsensitive() {
    assertThat(BbCode.toHtml("[b]bold [i]both[/i][/b] [U]under[/U] [s]gone[/s]"))
        .isEqualTo("<strong>bold <em>both</em></strong> <u>under</u> <s>gone</s>");
  }

  @Test
  void givenAnUnclosedOrUnknownTag_toHtml_leavesItAsTyped() {
    assertThat(BbCode.toHtml("[b]open")).isEqualTo("[b]open");
    assertThat(BbCode.toHtml("[blink]x[/blink]")).isEqualTo("[blink]x[/blink]");
    assertThat(BbCode.toHtml("a [/b] b")).isEqualTo("a [/b] b");
  }

  @Test
  void givenLinks_toHtml_linksSafeAddressesOnly() {
    assertThat(BbCode.toHtml("[url]https://example.com/a?b=1&c=2[/url]"))
        .isEqualTo(
            "<a href=\"https://example.com/a?b=1&amp;c=2\" target=\"_blank\""
                + " rel=\"noopener noreferrer\">https://example.com/a?b=1&amp;c=2</a>");
    assertThat(BbCode.toHtml("[url=/console/bots]the [b]bots[/b][/url]"))
        .isEqualTo(
            "<a href=\"/console/bots\" target=\"_blank\" rel=\"noopener noreferrer\">the"
                + " <strong>bots</strong></a>");
    assertThat(BbCode.toHtml("[url=javascript:alert(1)]x[/url]"))
        .isEqualTo("[url=javascript:alert(1)]x[/url]");
    assertThat(BbCode.toHtml("[url]//evil.example[/url]")).doesNotContain("<a");
  }

  @Test
  void givenMentions_toHtml_marksTheUserAndEveryone() {
    assertThat(BbCode.toHtml("Hi [USER=12]Echo Bot[/USER], and [user=all]all[/user]"))
        .isEqualTo(
            "Hi <span class=\"mention\" data-user=\"12\">Echo Bot</span>, and"
                + " <span class=\"mention\" data-user=\"all\">all</span>");
    assertThat(BbCode.toHtml("[USER=3 REPLACE]Ann[/USER]"))
        .isEqualTo("<span class=\"mention\" data-user=\"3\">Ann</span>");
  }

  @Test
  void givenLineBreaks_toHtml_breaksOnNewlinesBrAndSystemBr() {
    assertThat(BbCode.toHtml("one\ntwo[br]three#BR#four")).isEqualTo("one<br>two<br>three<br>four");
  }

  @Test
  void givenQuotes_toHtml_rendersQuoteTagsAndDoubleAngleLines() {
    assertThat(BbCode.toHtml("[quote]said[/quote]")).isEqualTo("<blockquote>said</blockquote>");
    assertThat(BbCode.toHtml(">>first\n>>second\nanswer"))
        .isEqualTo("<blockquote>first<br>second</blockquote>answer");
  }

  @Test
  void givenCode_toHtml_keepsItsContentVerbatimAndEscaped() {
    assertThat(BbCode.toHtml("[code][b]not bold[/b] <x>[/code]"))
        .isEqualTo("<pre><code>[b]not bold[/b] &lt;x&gt;</code></pre>");
  }

  @Test
  void givenSendAndPut_toHtml_makesButtonsCarryingTheirText() {
    assertThat(BbCode.toHtml("[send=/help]Help[/send] or [put=/search ]Search[/put]"))
        .isEqualTo(
            "<button type=\"button\" class=\"bb-send\" data-send=\"/help\">Help</button> or"
                + " <button type=\"button\" class=\"bb-put\" data-put=\"/search\">Search</button>");
    assertThat(BbCode.toHtml("[send]yes[/send]"))
        .isEqualTo("<button type=\"button\" class=\"bb-send\" data-send=\"yes\">yes</button>");
  }

  @Test
  void givenColourSizeAndChat_toHtml_keepsTheTextWithoutStyling() {
    assertThat(BbCode.toHtml("[color=#ff0000]red[/color] [size=20]big[/size]"))
        .isEqualTo("red big");
    assertThat(BbCode.toHtml("[chat=7]General[/chat]"))
        .isEqualTo("<span class=\"bb-chat\">General</span>");
  }

  @Test
  void givenImagesTimestampsAndFiles_toHtml_showsLinksAndWords() {
    assertThat(BbCode.toHtml("[img]https://example.com/a.png[/img]"))
        .isEqualTo(
            "<a class=\"bb-img\" href=\"https://example.com/a.png\" target=\"_blank\""
                + " rel=\"noopener noreferrer\">image</a>");
    assertThat(BbCode.toHtml("[timestamp=0 format=x]"))
        .isEqualTo("<time>1970-01-01 00:00 UTC</time>");
    assertThat(BbCode.toHtml("[disk=5]")).isEqualTo("<span class=\"bb-file\">[file]</span>");
  }

  @Test
  void givenTags_toPlainText_dropsThem() {
    assertThat(BbCode.toPlainText("[b]Hi[/b] [USER=3]Ann[/USER]#BR#there"))
        .isEqualTo("Hi Ann there");
  }
}
