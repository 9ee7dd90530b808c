import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, escapeMarkdown, escapeMarkdownBlock, markdownCodeBlock, markdownInlineCode, visibleText } from './escape';

test('HTML escaping leaves no markup: tags, attributes and entities become text', () => {
  const s = escapeHtml(`<script>alert("x")</script><img src=x onerror='y'>&amp;`);
  assert.equal(s, '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#39;y&#39;&gt;&amp;amp;');
  assert.doesNotMatch(s, /[<>"']/);
});

test('control characters, lone surrogates and bidi overrides are replaced, tabs and newlines kept', () => {
  assert.equal(visibleText('a\u0000b\u001bc\u202ed\ud800e\tf\ng'), 'a\ufffdb\ufffdc\ufffdd\ufffde\tf\ng');
  assert.equal(visibleText('😀'), '😀');
});

test('Markdown escaping stops raw HTML, emphasis, links and line-start markup', () => {
  assert.equal(escapeMarkdown('<script>x</script>'), '\\<script>x\\</script>');
  assert.equal(escapeMarkdown('<!-- c --> <?php <https://x.example>'), '\\<!-- c --> \\<?php \\<https://x.example>');
  assert.equal(escapeMarkdown('&amp; &#60; &#x3c;'), '\\&amp; \\&#60; \\&#x3c;', 'no entity is decoded');
  assert.equal(escapeMarkdown('> quoted', true), '\\> quoted');
  assert.equal(escapeMarkdown('*a* _b_ [l](javascript:x) `c` a|b'), '\\*a\\* \\_b\\_ \\[l\\](javascript:x) \\`c\\` a\\|b');
  assert.equal(escapeMarkdown('# not a heading', true), '\\# not a heading');
  assert.equal(escapeMarkdown('1. not a list', true), '1\\. not a list');
  assert.equal(escapeMarkdown('959.8 KiB'), '959.8 KiB');
  assert.equal(escapeMarkdown('two\nlines'), 'two lines');
  assert.equal(escapeMarkdownBlock('a\n- b'), 'a  \n\\- b');
});

// The .md is read as text too: `evt.dir: &lt;` and `54733-&gt;10.96.0.10:53` garbled it (QA 16).
test('Markdown escaping leaves text that is no markup as it is', () => {
  assert.equal(escapeMarkdown('evt.dir: <'), 'evt.dir: <');
  assert.equal(escapeMarkdown('10.244.1.17:54733->10.96.0.10:53'), '10.244.1.17:54733->10.96.0.10:53');
  assert.equal(escapeMarkdown('a < 3 && b > 2 & c'), 'a < 3 && b > 2 & c');
  assert.equal(escapeMarkdown('Title <b>x</b>'), 'Title \\<b>x\\</b>');
});

test('code blocks use a fence longer than any backtick run inside', () => {
  assert.equal(markdownCodeBlock('a ``` b'), '````\na ``` b\n````');
  assert.equal(markdownCodeBlock('plain', 'sh'), '```sh\nplain\n```');
  assert.equal(markdownInlineCode('x`y'), '``x`y``');
  assert.equal(markdownInlineCode('`x'), '`` `x ``');
});
