<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/ui/findbar.py" line="58"/>
        <source>Find in page</source>
        <translation>页内查找</translation>
    </message>
    <message>
        <location filename="../../reader/ui/findbar.py" line="59"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一处 (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/findbar.py" line="60"/>
        <source>Next match (Enter)</source>
        <translation>下一处 (Enter)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/findbar.py" line="61"/>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/findbar.py" line="67"/>
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <location filename="../../reader/ui/findbar.py" line="70"/>
        <source>%1 of %2</source>
        <translation>第 %1 处，共 %2 处</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/window.py" line="245"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="246"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="247"/>
        <source>&amp;Find in Page…</source>
        <translation>页内查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="248"/>
        <source>&amp;Source View</source>
        <translation>原文对照(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="249"/>
        <source>Show Page &amp;Furniture</source>
        <translation>显示版面杂项(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="250"/>
        <source>&amp;Larger Text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="251"/>
        <source>S&amp;maller Text</source>
        <translation>缩小文字(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="252"/>
        <source>&amp;Reset Text Size</source>
        <translation>恢复文字大小(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="253"/>
        <source>F&amp;ont…</source>
        <translation>字体(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="254"/>
        <source>&amp;Next Article</source>
        <translation>下一篇(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="255"/>
        <source>&amp;Previous Article</source>
        <translation>上一篇(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="256"/>
        <source>&amp;About ocr-reader</source>
        <translation>关于 ocr-reader(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="257"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="258"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="259"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="260"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="261"/>
        <source>Text &amp;Width</source>
        <translation>版心宽度(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="262"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="263"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="264"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="265"/>
        <source>Light</source>
        <translation>明亮</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="266"/>
        <source>Sepia</source>
        <translation>护眼</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="267"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="268"/>
        <source>Narrow</source>
        <translation>窄</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="269"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="270"/>
        <source>Wide</source>
        <translation>宽</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="271"/>
        <source>System Language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="289"/>
        <source>Outline</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="292"/>
        <source>No Chinese font is installed, so the text cannot be shown properly. Install one, for example: %1</source>
        <translation>系统中没有中文字体，正文无法正常显示。请安装一种中文字体，例如：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="345"/>
        <source>Reading Font</source>
        <translation>阅读字体</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="372"/>
        <source>Open OCR Page</source>
        <translation>打开 OCR 版面</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="372"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="382"/>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="392"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="414"/>
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="416"/>
        <source>%1 cannot be opened: %2.</source>
        <translation>无法打开 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="426"/>
        <source>No document</source>
        <translation>未打开文档</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="432"/>
        <source>%1 articles</source>
        <translation>%1 篇文章</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="433"/>
        <source>%1 paragraphs</source>
        <translation>%1 段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="434"/>
        <source>%1 characters</source>
        <translation>%1 字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="491"/>
        <source>About ocr-reader</source>
        <translation>关于 ocr-reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window.py" line="492"/>
        <source>ocr-reader reflows the OCR text of newspaper pages into articles you can read.</source>
        <translation>ocr-reader 把报纸版面的 OCR 文本重排为可以阅读的文章。</translation>
    </message>
</context>
<context>
    <name>OutlineDock</name>
    <message>
        <location filename="../../reader/ui/outline.py" line="179"/>
        <source>Filter headings</source>
        <translation>筛选标题</translation>
    </message>
</context>
</TS>
